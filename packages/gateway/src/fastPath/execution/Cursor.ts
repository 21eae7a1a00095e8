/** Where a plan node works: a path into the merged data and the objects found there. */
export interface Cursor {
  readonly path: readonly (string | number)[];
  readonly data: unknown;
  readonly fullResult: Record<string, unknown>;
}
