import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const moneyPattern = /^-?\d+\.\d{2}$/;

function parseMoney(value: unknown): string {
  if (typeof value !== 'string' || !moneyPattern.test(value)) {
    throw new GraphQLError(`Money must be a string with two decimals, e.g. "12.50", but got: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A decimal amount with two decimals, as a string: `"12.50"`; anything else is refused by the subgraph. */
export const Money = new GraphQLScalarType({
  name: 'Money',
  serialize: (value) => parseMoney(value),
  parseValue: parseMoney,
  parseLiteral: (node: ValueNode) => parseMoney(node.kind === Kind.STRING ? node.value : undefined),
});

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !datePattern.test(value)) {
    throw new GraphQLError(`Date must be a string like "2026-01-31", but got: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date, `"2026-01-31"`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => parseDate(value),
  parseValue: parseDate,
  parseLiteral: (node: ValueNode) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});

function literalToJson(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((value) => literalToJson(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
  }
}

/** Any JSON value, passed through unchanged: literal objects and lists included. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
