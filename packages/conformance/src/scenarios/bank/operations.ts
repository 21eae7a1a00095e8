import type { ScenarioOperation } from '../../harness/Scenario.js';

/**
 * Mutations in sequence over two subgraphs writing to one journal, so each answer shows the order
 * the mutations ran in (`linesSoFar`, `auditTrail`); refusals between successes; results that
 * jump to other subgraphs; variables of every shape. Each mutation operation opens its own batch
 * first, so every gateway it is sent to sees the same journal.
 *
 * Accounts: acc-1 (Ada, GOLD), acc-2 (Bo, BASIC), acc-vip (Cy, email FORBIDDEN), acc-ghost (closed:
 * unknown to customers). withdraw refuses above 500.00 (INSUFFICIENT_FUNDS) and non-positive
 * amounts (BAD_USER_INPUT); transfer refuses an account to itself; stamp refuses a blank note;
 * flag refuses SANCTIONED (FORBIDDEN).
 */
export const bankOperations: readonly ScenarioOperation[] = [
  {
    name: 'three mutations of one subgraph run in order',
    query: /* GraphQL */ `
      mutation ThreeDeposits {
        open: openBatch(batch: "three-deposits") { name lines }
        first: deposit(batch: "three-deposits", account: "acc-1", amount: "10.00") { id sequence linesSoFar }
        second: deposit(batch: "three-deposits", account: "acc-2", amount: "20.00") { id sequence linesSoFar }
        third: deposit(batch: "three-deposits", account: "acc-1", amount: "30.00") { id sequence linesSoFar }
      }
    `,
  },
  {
    name: 'mutations alternating between two subgraphs run in order',
    query: /* GraphQL */ `
      mutation Alternating {
        openBatch(batch: "alternating") { lines }
        deposit(batch: "alternating", account: "acc-1", amount: "100.00") { sequence linesSoFar }
        checked: stamp(batch: "alternating", note: "deposit checked") { sequence note linesSoFar }
        withdraw(batch: "alternating", account: "acc-1", amount: "40.00") { sequence kind linesSoFar }
        closed: stamp(batch: "alternating", note: "batch closed") { sequence linesSoFar }
      }
    `,
  },
  {
    name: 'a nullable mutation refused between two that succeed, all in one subgraph',
    query: /* GraphQL */ `
      mutation OverdrawBetweenDeposits {
        openBatch(batch: "overdraw") { name }
        before: deposit(batch: "overdraw", account: "acc-2", amount: "5.00") { sequence linesSoFar }
        overdraw: withdraw(batch: "overdraw", account: "acc-2", amount: "900.00") { sequence linesSoFar }
        after: deposit(batch: "overdraw", account: "acc-2", amount: "6.00") { sequence linesSoFar }
      }
    `,
  },
  {
    name: 'a non-null mutation refused between two that succeed: the ledger answer is null, the last never runs',
    query: /* GraphQL */ `
      mutation SelfTransferBetweenDeposits {
        openBatch(batch: "self-transfer") { name }
        before: deposit(batch: "self-transfer", account: "acc-1", amount: "5.00") { sequence }
        transfer(batch: "self-transfer", input: { from: "acc-1", to: "acc-1", amount: "1.00" }) { sequence }
        after: deposit(batch: "self-transfer", account: "acc-1", amount: "6.00") { sequence }
      }
    `,
  },
  {
    name: 'a nullable mutation of another subgraph refused between two that succeed',
    query: /* GraphQL */ `
      mutation SanctionedFlagBetweenDeposits {
        openBatch(batch: "sanctioned") { name }
        before: deposit(batch: "sanctioned", account: "acc-1", amount: "7.00") { id linesSoFar }
        flag(posting: "sanctioned/1", reason: SANCTIONED) { sequence reason }
        after: deposit(batch: "sanctioned", account: "acc-1", amount: "8.00") { id linesSoFar }
      }
    `,
  },
  {
    name: 'a non-null mutation of another subgraph refused between two that succeed nulls the data',
    query: /* GraphQL */ `
      mutation BlankStampBetweenDeposits {
        openBatch(batch: "blank-stamp") { name }
        before: deposit(batch: "blank-stamp", account: "acc-1", amount: "7.00") { id linesSoFar }
        stamp(batch: "blank-stamp", note: "  ") { sequence }
        after: deposit(batch: "blank-stamp", account: "acc-1", amount: "8.00") { id linesSoFar }
      }
    `,
  },
  {
    name: 'mutation results jump to entity fields of two other subgraphs',
    query: /* GraphQL */ `
      mutation DepositAndTransferWithHolders {
        openBatch(batch: "holders") { name }
        deposit(batch: "holders", account: "acc-1", amount: "50.00") {
          id
          account { id holder tier }
          auditTrail
        }
        transfer(batch: "holders", input: { from: "acc-1", to: "acc-2", amount: "20.00" }) {
          id
          kind
          account { holder }
          counterparty { holder tier }
        }
      }
    `,
  },
  {
    name: 'entity fields of a mutation result are fetched before the next mutation runs',
    query: /* GraphQL */ `
      mutation AuditTrailBetweenMutations {
        openBatch(batch: "trail") { name }
        first: deposit(batch: "trail", account: "acc-1", amount: "1.00") { id auditTrail }
        stamp(batch: "trail", note: "first seen") { sequence }
        second: deposit(batch: "trail", account: "acc-2", amount: "2.00") { id auditTrail }
        flag(posting: "trail/1", reason: DUPLICATE) { sequence reason posting { id kind amount auditTrail } }
      }
    `,
  },
  {
    name: 'a list of input objects from a variable, enum defaults inside them',
    query: /* GraphQL */ `
      mutation PostMany($batch: String!, $postings: [PostingInput!]!) {
        openBatch(batch: $batch) { name }
        postMany(batch: $batch, postings: $postings) { id kind amount account { holder } }
        stamp(batch: $batch, note: "many posted") { linesSoFar }
      }
    `,
    variables: {
      batch: 'post-many',
      postings: [
        { account: 'acc-1', amount: '1.50' },
        { account: 'acc-2', amount: '2.50', kind: 'FEE' },
        { account: 'acc-1', amount: '3.50', kind: 'WITHDRAWAL' },
      ],
    },
  },
  {
    name: 'an input object variable with an omitted enum default, custom scalars and nested JSON',
    query: /* GraphQL */ `
      mutation TransferFromVariable($input: TransferInput!) {
        openBatch(batch: "transfer-variable") { name }
        transfer(batch: "transfer-variable", input: $input) {
          id
          currency
          amount
          valueDate
          memo
          memoGiven
          tags
          metadata
          counterparty { holder }
        }
      }
    `,
    variables: {
      input: {
        from: 'acc-2',
        to: 'acc-1',
        amount: '12.34',
        valueDate: '2026-01-31',
        tags: ['rent', 'january'],
        metadata: { invoice: 'INV-7', lines: [1, 2.5, null, true], nested: { empty: {}, none: null } },
      },
    },
  },
  {
    name: 'an inline input object built from variables, one omitted with a default, one omitted without',
    query: /* GraphQL */ `
      mutation TransferInlineInput($to: ID!, $amount: Money!, $currency: Currency = NOK, $meta: JSON, $memo: String) {
        openBatch(batch: "transfer-inline") { name }
        transfer(
          batch: "transfer-inline"
          input: { from: "acc-1", to: $to, amount: $amount, currency: $currency, metadata: $meta, memo: $memo, tags: ["inline"] }
        ) {
          currency
          amount
          metadata
          memo
          memoGiven
          tags
        }
      }
    `,
    variables: { to: 'acc-2', amount: '99.99' },
  },
  {
    name: 'an argument omitted, an explicit null and a variable default: the subgraph tells them apart',
    query: /* GraphQL */ `
      mutation Memos($none: String, $explicitNull: String, $withDefault: String = "payday") {
        openBatch(batch: "memos") { name }
        omitted: deposit(batch: "memos", account: "acc-1", amount: "1.00") { memo memoGiven }
        unsetVariable: deposit(batch: "memos", account: "acc-1", amount: "2.00", memo: $none) { memo memoGiven }
        explicitNull: deposit(batch: "memos", account: "acc-1", amount: "3.00", memo: $explicitNull) { memo memoGiven }
        defaulted: deposit(batch: "memos", account: "acc-1", amount: "4.00", memo: $withDefault) { memo memoGiven }
        literalNull: deposit(batch: "memos", account: "acc-1", amount: "5.00", memo: null) { memo memoGiven }
      }
    `,
    variables: { explicitNull: null },
  },
  {
    name: '@include and @skip on mutation fields with defaulted variables the client omits',
    query: /* GraphQL */ `
      mutation Conditional($withBonus: Boolean = true, $skipFee: Boolean = true, $withNote: Boolean = false) {
        openBatch(batch: "conditional") { name }
        bonus: deposit(batch: "conditional", account: "acc-1", amount: "10.00") @include(if: $withBonus) { sequence }
        fee: withdraw(batch: "conditional", account: "acc-1", amount: "1.00") @skip(if: $skipFee) { sequence }
        note: stamp(batch: "conditional", note: "skipped") @include(if: $withNote) { sequence }
        last: stamp(batch: "conditional", note: "last") { linesSoFar }
      }
    `,
  },
  {
    name: '@include and @skip on mutation fields with the defaults overridden',
    query: /* GraphQL */ `
      mutation Conditional($withBonus: Boolean = true, $skipFee: Boolean = true, $withNote: Boolean = false) {
        openBatch(batch: "conditional-overridden") { name }
        bonus: deposit(batch: "conditional-overridden", account: "acc-1", amount: "10.00") @include(if: $withBonus) { sequence }
        fee: withdraw(batch: "conditional-overridden", account: "acc-1", amount: "1.00") @skip(if: $skipFee) { sequence }
        note: stamp(batch: "conditional-overridden", note: "kept") @include(if: $withNote) { sequence }
        last: stamp(batch: "conditional-overridden", note: "last") { linesSoFar }
      }
    `,
    variables: { withBonus: false, skipFee: false, withNote: true },
  },
  {
    name: '__typename at the mutation root and in fragments across subgraphs',
    query: /* GraphQL */ `
      mutation Typenames {
        __typename
        openBatch(batch: "typenames") { __typename name }
        deposit(batch: "typenames", account: "acc-2", amount: "3.00") { ...PostingView }
        stamp(batch: "typenames", note: "seen") { __typename ... on Stamp { sequence } }
      }

      fragment PostingView on Posting {
        __typename
        id
        kind
        currency
        account { __typename id ... on Account { holder } }
        auditTrail
      }
    `,
  },
  {
    name: 'a document with a query and a mutation: operationName picks the mutation',
    query: /* GraphQL */ `
      query Quote {
        quote(amount: "10.00", to: USD)
      }

      mutation Deposit {
        openBatch(batch: "picked") { name }
        deposit(batch: "picked", account: "acc-1", amount: "10.00") { id linesSoFar account { holder } }
      }
    `,
    operationName: 'Deposit',
  },
  {
    name: 'a document with a query and a mutation: operationName picks the single-subgraph query',
    query: /* GraphQL */ `
      query Quote {
        quote(amount: "10.00", to: USD)
        currencies
      }

      mutation Deposit {
        openBatch(batch: "not-picked") { name }
        deposit(batch: "not-picked", account: "acc-1", amount: "10.00") { id account { holder } }
      }
    `,
    operationName: 'Quote',
  },
  {
    name: 'operationName picks a single-subgraph mutation of a document whose other operations need other subgraphs',
    query: /* GraphQL */ `
      mutation Stamp {
        openBatch(batch: "single-subgraph") { name }
        first: deposit(batch: "single-subgraph", account: "acc-2", amount: "1.00") { ...Plain }
        second: deposit(batch: "single-subgraph", account: "acc-2", amount: "2.00") { ...Plain }
      }

      mutation Audited {
        openBatch(batch: "not-this-one") { name }
        deposit(batch: "not-this-one", account: "acc-2", amount: "1.00") { ...Audited }
      }

      query Holders {
        accounts { id holder }
      }

      fragment Plain on Posting {
        id
        linesSoFar
      }

      fragment Audited on Posting {
        auditTrail
        account { holder }
      }
    `,
    operationName: 'Stamp',
  },
  {
    name: 'a mutation result pointing at an account customers does not know, through a non-null field',
    query: /* GraphQL */ `
      mutation GhostDeposit {
        openBatch(batch: "ghost") { name }
        deposit(batch: "ghost", account: "acc-ghost", amount: "1.00") { id account { id holder } }
        after: stamp(batch: "ghost", note: "after the ghost") { linesSoFar }
      }
    `,
  },
  {
    name: 'FORBIDDEN inside the entity fetch that follows a mutation',
    query: /* GraphQL */ `
      mutation VipDeposit {
        openBatch(batch: "vip") { name }
        deposit(batch: "vip", account: "acc-vip", amount: "1.00") { id account { holder email } }
      }
    `,
  },
  {
    name: 'BAD_USER_INPUT from a mutation, beside a successful one in the same fetch',
    query: /* GraphQL */ `
      mutation NegativeWithdrawal {
        openBatch(batch: "negative") { name }
        withdraw(batch: "negative", account: "acc-1", amount: "-5.00") { id }
        deposit(batch: "negative", account: "acc-1", amount: "5.00") { linesSoFar }
      }
    `,
  },
  {
    name: 'a custom scalar value the subgraph refuses, passed as a variable',
    query: /* GraphQL */ `
      mutation BadMoney($amount: Money!) {
        deposit(batch: "bad-money", account: "acc-1", amount: $amount) { id }
      }
    `,
    variables: { amount: 'ten euros' },
  },
  {
    name: 'custom scalar and enum arguments of a query, a default enum omitted',
    query: /* GraphQL */ `
      query Quotes($amount: Money!, $to: Currency = NOK) {
        currencies
        toUsd: quote(amount: $amount, to: USD)
        toDefault: quote(amount: $amount, to: $to)
        back: quote(amount: "110.00", from: NOK, to: EUR)
      }
    `,
    variables: { amount: '10.00' },
  },
  {
    name: 'invalid: an argument the mutation does not have',
    query: /* GraphQL */ `
      mutation UnknownArgument {
        deposit(batch: "unknown-argument", account: "acc-1", amount: "1.00", currency: EUR) { id }
      }
    `,
  },
  {
    name: 'invalid: an enum value the input object does not allow',
    query: /* GraphQL */ `
      mutation BadKind($postings: [PostingInput!]!) {
        postMany(batch: "bad-kind", postings: $postings) { id }
      }
    `,
    variables: { postings: [{ account: 'acc-1', amount: '1.00', kind: 'REFUND' }] },
  },
  {
    name: 'invalid: a required field of an input object variable missing',
    query: /* GraphQL */ `
      mutation MissingAmount($input: TransferInput!) {
        transfer(batch: "missing-amount", input: $input) { id }
      }
    `,
    variables: { input: { from: 'acc-1', to: 'acc-2' } },
  },
  {
    name: 'issue #23 - a single-subgraph query with a literal @include(if: false) fragment of another subgraph field',
    query: /* GraphQL */ `
      {
        accounts {
          id
        }
        ... @include(if: false) {
          currencies
        }
      }
    `,
  },
];
