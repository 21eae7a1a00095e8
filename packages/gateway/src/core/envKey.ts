import { z } from 'zod';

/** How one environment variable is read: its schema, what it must be (for the error) and its default. */
export interface EnvKey<T> {
  readonly schema: z.ZodType<T>;
  /** Completes "KEY must …", e.g. 'be an integer from 0 to 65535'. */
  readonly mustBe: string;
  readonly defaultValue: T;
  /** Secret values are never echoed in errors. @default false */
  readonly secret?: boolean;
}

/** An integer from `min` to `max`. */
export const intKey = (defaultValue: number, min: number, max: number): EnvKey<number> => ({
  schema: z.coerce.number().int().min(min).max(max),
  mustBe: `be an integer from ${min} to ${max}`,
  defaultValue,
});

export const portKey = (defaultValue: number): EnvKey<number> => intKey(defaultValue, 0, 65535);

export const positiveIntKey = (defaultValue: number, max = Number.MAX_SAFE_INTEGER): EnvKey<number> =>
  intKey(defaultValue, 1, max);

export const stringKey = (defaultValue: string): EnvKey<string> => ({
  schema: z.string().min(1),
  mustBe: 'be a non-empty string',
  defaultValue,
});

export const urlKey = (defaultValue: string): EnvKey<string> => ({
  schema: z.url({ protocol: /^https?$/ }),
  mustBe: 'be an http(s) URL',
  defaultValue,
});

export const enumKey = <const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
): EnvKey<T[number]> => ({
  schema: z.enum(values),
  mustBe: `be one of ${values.join(', ')}`,
  defaultValue,
});

/** A comma-separated list of non-empty values, e.g. `a, b,c` → ['a', 'b', 'c']. */
export const listKey = (defaultValue: readonly string[]): EnvKey<readonly string[]> => ({
  schema: z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(z.string()).min(1)),
  mustBe: 'be a comma-separated list of at least one value',
  defaultValue,
});

/** The same key without a default: unset reads as undefined, for keys whose absence means something. */
export const optionalKey = <T>(key: EnvKey<T>): EnvKey<T | undefined> => ({ ...key, defaultValue: undefined });

/**
 * Reads every key of `spec` from `env`, collecting one problem line per bad key instead of
 * stopping at the first, so an operator fixes them all in one go.
 */
export function readEnvKeys<S extends Record<string, EnvKey<unknown>>>(
  env: NodeJS.ProcessEnv,
  prefix: string,
  spec: S,
  problems: string[],
): { [K in keyof S]: S[K] extends EnvKey<infer T> ? T : never } {
  const values: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(spec)) {
    const raw = env[prefix + name];
    if (raw === undefined || raw === '') {
      values[name] = key.defaultValue;
      continue;
    }
    const parsed = key.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${prefix}${name} must ${key.mustBe}, but got: ${key.secret ? '[redacted]' : `'${raw}'`}`);
  }
  return values as { [K in keyof S]: S[K] extends EnvKey<infer T> ? T : never };
}
