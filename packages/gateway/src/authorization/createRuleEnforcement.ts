import { LRUCache } from 'lru-cache';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { wrapExecutor } from '../gateway/wrapExecutor.js';
import type { Logger } from '@apollo/utils.logger';
import { createHash } from 'node:crypto';
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isNonNullType,
  OperationTypeNode,
  print,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { allow } from 'graphql-shield';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { authorizeObject, pathFromArray, type ResultWalk } from './authorizeResult.js';
import { mapLaterParts, type DeferredPart, type KitExecutionResult } from '../core/IncrementalResult.js';
import { mapAsyncIterator } from '../core/mapAsyncIterator.js';
import { deferredFragmentsOf, labelDeferredFragments, type DeferredFragment } from '../operation/deferredFragments.js';
import { collectFields, fragmentsOf } from '../operation/collectFields.js';
import { createRuleBook, type RuleBook } from './createRuleBook.js';
import {
  createRuleContext,
  createRuleJudge,
  judgeForRequest,
  type AnswerCachePolicy,
  type RuleContext,
} from './createRuleJudge.js';
import { allContextual, rulesNeeded } from './rulesNeeded.js';
import { deniedRootMessage } from './deniedMessages.js';
import { resolveInfo, type InfoBase } from './resolveInfo.js';
import { hiddenKeyPrefix, withoutRootFields, withRuleSelections } from './rewriteDocument.js';
import type { RuleMap, ShieldRule } from './ruleTypes.js';

/** A BFF's access rules, in graphql-shield's algebra. */
export interface AuthorizationOptions {
  /** The rule map over the BFF's whole API schema, including fields of remote subgraphs. */
  readonly rules: RuleMap;
  /** Decides every field no rule covers. @default deny */
  readonly fallbackRule?: ShieldRule;
}

/** Rewritten documents kept per source text and denial set; bounded so odd traffic cannot grow it. */
const maxPreparedDocuments = 1_000;

interface PreparedDocument {
  readonly document: DocumentNode;
  readonly source: string;
  readonly queryHash: string;
  /** False when no field the document selects needs a decision over the result. */
  readonly walkNeeded: boolean;
  /**
   * When every rule the walk could meet depends on the request alone (isAuthenticated, hasRole…):
   * those rules. Decided once up front; when all allow, the response needs no walk.
   */
  readonly contextualRules: readonly ShieldRule[] | undefined;
  /** The client's @defer fragments by label (labelled before the rewrite, so the executor's parts name them). */
  readonly deferredFragments: ReadonlyMap<string, DeferredFragment>;
}

/** What authorizeRoot learnt of a request, for authorizeFields. */
interface RootDecision {
  readonly operation: OperationDefinitionNode;
  readonly rootType: GraphQLObjectType;
  /** Every root field the operation selects (after @skip/@include), by response key. */
  readonly rootFields: readonly (readonly [string, readonly FieldNode[]])[];
  /** Response keys of the root fields denied (cut from the document; null in the answer). */
  readonly denied: ReadonlySet<string>;
  readonly fragments: ReturnType<typeof fragmentsOf>;
  readonly variables: Record<string, unknown>;
  readonly info: InfoBase;
  readonly judge: ReturnType<typeof judgeForRequest>;
  readonly ruleContextOf: () => RuleContext;
  readonly contextualDecisions: ResultWalk['contextualDecisions'];
}

/** A BFF's rules over its gateway, as two wrappers around the plan's execution. */
export interface RuleEnforcement {
  /** Root fields, judged before anything runs: a denied one is cut, so no service ever sees it. */
  authorizeRoot(inner: GatewayInterface): GatewayInterface;
  /** Nested fields, judged over the objects as fetched (with the parent fields rules declare, hidden). */
  authorizeFields(inner: GatewayInterface): GatewayInterface;
}

/**
 * The BFF's graphql-shield rules over the whole supergraph: root fields before any subgraph is
 * called (a denied mutation never reaches a service), nested fields over the objects as fetched
 * (with the parent fields rules declare). Shield alone never fires on a gateway, which runs query
 * plans rather than resolvers (apollographql/federation#366). authorizeRoot must wrap authorizeFields.
 */
export function createRuleEnforcement(
  options: AuthorizationOptions & { fallbackRule: ShieldRule },
  initialBook: RuleBook,
  logger: Logger,
): RuleEnforcement {
  const ruleJudge = createRuleJudge(logger);
  let book = initialBook;
  let schema: GraphQLSchema | undefined;
  const prepared = new LRUCache<string, PreparedDocument>({ max: maxPreparedDocuments });
  // Per operation (a batch shares one context value, not its request): what authorizeRoot decided, for authorizeFields.
  const decisions = new WeakMap<object, RootDecision>();

  const prepare = (
    context: GatewayGraphQLRequestContext,
    deniedKeys: ReadonlySet<string>,
    rootTypeName: string,
  ): PreparedDocument => {
    const key = `${context.queryHash}:${context.operationName ?? ''}:${[...deniedKeys].join(',')}`;
    const cached = prepared.get(key);
    if (cached) return cached;
    const apiSchema = schema ?? context.schema;
    const labelled = labelDeferredFragments(context.document);
    let document = labelled;
    if (deniedKeys.size > 0)
      document = withoutRootFields(document, operationOf(document, context.operationName), rootTypeName, deniedKeys);
    const needed = rulesNeeded(document, apiSchema, book);
    const walkNeeded = needed.size > 0;
    if (walkNeeded) document = withRuleSelections(document, apiSchema, book);
    // The gateway caches query plans by queryHash: a rewritten document must carry its own.
    const source = document === context.document ? context.source : print(document);
    const queryHash =
      document === context.document ? context.queryHash : createHash('sha256').update(source).digest('hex');
    // Hidden fields (for abstract types or rule fragments) are only removed by the walk, so they rule the shortcut out.
    const contextualRules =
      walkNeeded && allContextual(needed) && !source.includes(hiddenKeyPrefix) ? [...needed] : undefined;
    const deferredFragments = deferredFragmentsOf(labelled);
    const entry = { document, source, queryHash, walkNeeded, contextualRules, deferredFragments };
    prepared.set(key, entry);
    return entry;
  };

  const rootExecutor =
    (executor: GatewayExecutor): GatewayExecutor =>
    async (context) => {
      const operation = getOperationAST(context.document, context.operationName);
      const apiSchema = context.schema;
      const rootType = operation && apiSchema.getRootType(operation.operation);
      if (!operation || !rootType) return executor(context);

      // Rules and @skip/@include read the operation's variables as execution does: coerced, defaults applied.
      const coerced = operation.variableDefinitions?.length
        ? getVariableValues(apiSchema, operation.variableDefinitions, context.request.variables ?? {})
        : undefined;
      // Variables that do not coerce: the executor answers with their errors and runs nothing.
      if (coerced?.errors) return executor(context);
      const variables = coerced?.coerced ?? {};
      const fragments = fragmentsOf(context.document);
      const info: InfoBase = { schema: apiSchema, fragments, operation, variableValues: variables };
      // Made when a rule is first judged: most operations' root fields and objects have none but `allow`.
      let ruleContext: RuleContext | undefined;
      const ruleContextOf = () => (ruleContext ??= createRuleContext(context.context));
      // Every rule judged for this request makes its answer private to it (the cache-control header).
      // The gateway interface types it `any`: it is Apollo Server's CachePolicy, which has `restrict`.
      const judge = judgeForRequest(ruleJudge, context.overallCachePolicy as AnswerCachePolicy);
      const errors: ForbiddenError[] = [];

      const rootFields = [
        ...collectFields({ schema: apiSchema, fragments, variables }, rootType, [operation.selectionSet]),
      ];
      const judged = rootFields.flatMap(([key, nodes]) => {
        const [node] = nodes;
        const field = node && rootType.getFields()[node.name.value];
        const rule = field && book.fieldRule(rootType.name, field.name);
        return node && field && rule && rule !== allow ? [{ key, node, nodes, field, rule }] : [];
      });
      const denied = new Set<string>();
      let dataIsNull = false;
      // Without a rule to judge, no promise: the executor starts in this turn.
      if (judged.length > 0) {
        // Each judgement answers whether it nulls the whole data: a denied non-null root field.
        const nullsData = await Promise.all(
          judged.map(async ({ key, node, nodes, field, rule }) => {
            const args = getArgumentValues(field, node, variables);
            const message = await judge(
              rule,
              undefined,
              args,
              ruleContextOf(),
              resolveInfo(info, rootType, field, nodes, [key]),
              deniedRootMessage(operation.operation, field.name),
            );
            if (message === undefined) return false;
            denied.add(key);
            errors.push(new ForbiddenError(message, [key]));
            return isNonNullType(field.type);
          }),
        );
        dataIsNull = nullsData.includes(true);
      }
      // A subscription refused at subscribe time answers with its errors alone, as graphql-js's subscribe does.
      if (operation.operation === OperationTypeNode.SUBSCRIPTION && errors.length > 0) return { errors };
      if (rootFields.every(([key]) => denied.has(key)) || dataIsNull) {
        // No root field left: every one denied, or every one skipped by @skip/@include (then no error).
        return {
          data: dataIsNull ? null : Object.fromEntries(rootFields.map(([key]) => [key, null])),
          ...(errors.length > 0 && { errors }),
        };
      }
      decisions.set(context.request, {
        operation,
        rootType,
        rootFields,
        denied,
        fragments,
        variables,
        info,
        judge,
        ruleContextOf,
        contextualDecisions: new Map(),
      });
      const result = await executor(context);
      if (errors.length === 0) return result;
      // A denied root field answers null, in the operation's order of keys; its error comes first.
      const fetched = result.data;
      const data =
        fetched && Object.fromEntries(rootFields.map(([key]) => [key, denied.has(key) ? null : fetched[key]]));
      return { ...result, data, errors: [...errors, ...(result.errors ?? [])] };
    };

  const fieldsExecutor =
    (executor: GatewayExecutor): GatewayExecutor =>
    async (context) => {
      const decision = decisions.get(context.request);
      if (!decision) return executor(context);
      decisions.delete(context.request);
      const { rootType, denied } = decision;
      const prepared = prepare(context, denied, rootType.name);
      const { document, source, queryHash } = prepared;
      const result: KitExecutionResult = await executor(
        document === context.document
          ? context
          : { ...context, document, source, queryHash, operation: operationOf(document, context.operationName) },
      );
      // A subscription's events are judged one by one, as they come, each as a whole answer.
      if (result.events)
        return {
          ...result,
          events: mapAsyncIterator(result.events, (event) => judgeResult(context, decision, prepared, event)),
        };
      return judgeResult(context, decision, prepared, result);
    };

  // The nested fields of one answer (a query's, or one event of a subscription): denied ones null with FORBIDDEN.
  const judgeResult = async (
    context: GatewayGraphQLRequestContext,
    decision: RootDecision,
    prepared: PreparedDocument,
    result: KitExecutionResult,
  ): Promise<KitExecutionResult> => {
    const { operation, rootType, rootFields, denied, judge, ruleContextOf, contextualDecisions } = decision;
    const fetched = result.data;
    if (!fetched || !prepared.walkNeeded) return result;
    if (prepared.contextualRules && denied.size === 0 && (await allAllow(decision, prepared.contextualRules)))
      return result;

    const errors: ForbiddenError[] = [];
    const walk: ResultWalk = {
      schema: context.schema,
      fragments: decision.fragments,
      variables: decision.variables,
      // The initial part of an incremental answer holds none of the deferred fragments: they come in later parts.
      withoutDeferred: result.later !== undefined,
      book,
      judge,
      ruleContext: ruleContextOf(),
      info: decision.info,
      errors,
      collected: new Map(),
      subSelections: new Map(),
      contextualDecisions,
    };
    const kept = await authorizeObject(walk, fetched, rootType, [operation.selectionSet], undefined, true);
    const allErrors: GraphQLError[] = [...((result.errors ?? []) as GraphQLError[]), ...errors];
    // The answer holds the operation's root fields, in its order, and none of the hidden ones.
    const data = kept
      ? Object.fromEntries(rootFields.flatMap(([key]) => (denied.has(key) ? [] : [[key, fetched[key]]])))
      : null;
    const answer: KitExecutionResult = {
      ...result,
      data,
      ...(result.later && { later: mapLaterParts(result.later, (part) => authorizePart(walk, part, prepared)) }),
    };
    return { ...answer, ...(allErrors.length > 0 && { errors: allErrors }) };
  };

  // A deferred part is judged as its fragment's fields of its object, with the walk's own error list.
  const authorizePart = async (
    walk: ResultWalk,
    part: DeferredPart,
    prepared: PreparedDocument,
  ): Promise<DeferredPart> => {
    const fragment = prepared.deferredFragments.get(part.label);
    if (!part.data || !fragment) return part;
    const errors: ForbiddenError[] = [];
    // Its own collections too: the initial walk's left the deferred fragments out.
    const partWalk: ResultWalk = {
      ...walk,
      errors,
      withoutDeferred: false,
      collected: new Map(),
      subSelections: new Map(),
    };
    const kept = await authorizeObject(
      partWalk,
      part.data,
      part.type,
      [fragment.selectionSet],
      pathFromArray(part.path),
      false,
    );
    return { ...part, data: kept ? part.data : null, errors: [...part.errors, ...errors] };
  };

  // Rules that answer for the whole request, decided once: when all allow, no object needs a look.
  const allAllow = async (decision: RootDecision, rules: readonly ShieldRule[]): Promise<boolean> => {
    const { rootFields, rootType, info, judge, ruleContextOf, contextualDecisions } = decision;
    // The rules' info names the first root field of the type (`__typename` when it is all there is).
    const first =
      rootFields.find(([, candidates]) => rootType.getFields()[candidates[0]?.name.value ?? '']) ?? rootFields[0];
    // authorizeRoot answers an operation with no root field left by itself: it never gets here.
    if (!first) throw new Error('Cannot decide contextual rules for an operation without root fields');
    const [key, nodes] = first;
    const field = rootType.getFields()[nodes[0]?.name.value ?? ''] ?? TypeNameMetaFieldDef;
    const ruleInfo = resolveInfo(info, rootType, field, nodes, [key]);
    const messages = await Promise.all(rules.map((rule) => judge(rule, undefined, {}, ruleContextOf(), ruleInfo, '')));
    rules.forEach((rule, index) => {
      if (messages[index] === undefined) contextualDecisions.set(rule, { message: undefined });
    });
    return messages.every((message) => message === undefined);
  };

  return {
    authorizeRoot: (inner) => wrapExecutor(inner, rootExecutor),
    authorizeFields(inner) {
      inner.onSchemaLoadOrUpdate(({ apiSchema }) => {
        schema = apiSchema;
        book = createRuleBook(apiSchema, options.rules, options.fallbackRule);
        prepared.clear();
      });
      return wrapExecutor(inner, fieldsExecutor);
    },
  };
}

/** The operation a request names, in its document or a rewrite of it: authorizeRoot found it there already. */
function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error(`The document has no operation ${operationName ?? '(anonymous)'} to authorize`);
  return operation;
}
