/** The root fields that read the schema itself (introspection); `__typename` is not one. */
export const introspectionFieldNames: ReadonlySet<string> = new Set(['__schema', '__type']);
