import { advanceIntervalKey, ordersRedisUrlKey } from '@bff/service-orders';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BffConfig } from '@bff/gateway';
import { mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';
import { runService } from '@bff/service-kit';
import { readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import Fastify from 'fastify';
import { parse } from 'yaml';
import { compiledCondition } from './compileWorkspace.js';

/** The repository's root, where Dockerfile, docker-compose.yml and deploy/ are. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Read by @apollo/gateway, not by our config readers, and set on every container on purpose
 * (DESIGN.md, decision 5: no call to Apollo's servers or cloud metadata addresses).
 */
export const processWideKeys: ReadonlySet<string> = new Set(['APOLLO_TELEMETRY_DISABLED']);

/** A BFF deployable: its entry point and the reader of its configuration. */
interface BffDeployable {
  readonly kind: 'bff';
  readonly prefix: string;
  readonly read: (env: NodeJS.ProcessEnv) => BffConfig;
}

/** An example service deployable: runService reads its PORT and HOST. */
interface ServiceDeployable {
  readonly kind: 'service';
  readonly name: string;
}

export type Deployable = BffDeployable | ServiceDeployable;

const bffs: Readonly<Record<string, BffDeployable>> = {
  'packages/web-bff/src/main.ts': { kind: 'bff', prefix: webBffEnvPrefix, read: readWebBffConfig },
  'packages/mobile-bff/src/main.ts': { kind: 'bff', prefix: mobileBffEnvPrefix, read: readMobileBffConfig },
};

/** The example services of the workspace: every packages/services/<name> with a src/main.ts. */
export const workspaceServices: readonly string[] = readdirSync(join(repositoryRoot, 'packages/services')).filter(
  (name) => existsSync(join(repositoryRoot, 'packages/services', name, 'src/main.ts')),
);

/** Heap limits a command may give node before `--import`, e.g. `--max-old-space-size=192`. */
const heapFlag = /^--max-(old|semi)-space-size=\d+$/;

/**
 * What a container command runs: `node [heap flags] --conditions=bff-compiled <package>/dist/main.js`,
 * the compiled main.ts (npm run build, in the image) of a BFF or a service whose source exists in
 * the workspace; a problem line otherwise.
 */
export function deployableOf(command: readonly string[]): Deployable | string {
  const [node, ...flagsAndRest] = command;
  const [conditions, compiled, ...rest] = flagsAndRest.slice(flagsAndRest.findIndex((part) => !heapFlag.test(part)));
  const packageDir =
    compiled === undefined ? undefined : /^(packages\/[a-z-]+(?:\/[a-z-]+)?)\/dist\/main\.js$/.exec(compiled)?.[1];
  if (
    node !== 'node' ||
    conditions !== `--conditions=${compiledCondition}` ||
    packageDir === undefined ||
    rest.length > 0
  ) {
    const expected = `["node", <heap flags>, "--conditions=${compiledCondition}", "packages/<name>/dist/main.js"]`;
    return `command must be ${expected}, but got: ${JSON.stringify(command)}`;
  }
  const file = `${packageDir}/src/main.ts`;
  if (!existsSync(join(repositoryRoot, file)))
    return `command runs ${packageDir}/dist/main.js, whose source ${file} is not in the workspace`;
  const bff = bffs[file];
  if (bff) return bff;
  const service = /^packages\/services\/([a-z-]+)\/src\/main\.ts$/.exec(file)?.[1];
  if (service && workspaceServices.includes(service)) return { kind: 'service', name: service };
  return `command runs ${file}, which is neither a BFF's nor a service's main.ts`;
}

/**
 * An env that records every key read from it by name (`env[key]`), as the readers read
 * process.env. It lists no keys: Object.entries, which readers use to find `<P>SUBGRAPH_*_URL`
 * by pattern, would otherwise touch, and so "read", every key there is.
 */
function recording(env: Record<string, string>): { env: NodeJS.ProcessEnv; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    ownKeys: () => [],
  });
  return { env: proxy, read };
}

/** What the code makes of a container's environment. */
export interface EnvironmentCheck {
  /** One line per key the code does not read, per value it rejects, per subgraph or service left on loopback. */
  readonly problems: string[];
  /** The port the process listens on with this environment. */
  readonly port: number | undefined;
}

/**
 * Runs the deployable's own config reader over `env` (the container's environment) and says
 * which keys it never read. The keys are not kept in a list here: a key the reader stops
 * reading, or one misspelt in a manifest, shows up as unread.
 */
export async function checkEnvironment(deployable: Deployable, env: Record<string, string>): Promise<EnvironmentCheck> {
  return deployable.kind === 'bff'
    ? checkBffEnvironment(deployable, env)
    : checkServiceEnvironment(env, serviceOwnKeys[deployable.name] ?? []);
}

function checkBffEnvironment(bff: BffDeployable, env: Record<string, string>): EnvironmentCheck {
  let config: BffConfig;
  try {
    config = bff.read(env);
  } catch (error) {
    return { problems: [(error as Error).message], port: undefined };
  }
  // Second pass, to learn which keys the reader asks for by name (the first one judged the values).
  // Without the pattern keys it may judge differently; every key was asked for before any verdict.
  const probe = recording(env);
  try {
    bff.read(probe.env);
  } catch {
    // The first pass judged the values; this one only learns which keys were read.
  }
  const problems: string[] = [];
  // <P>SUBGRAPH_<NAME>_URL and <P>SERVICE_<NAME>_URL are found by pattern, not read by name.
  const subgraphs = readSupergraphRouting(config);
  for (const key of Object.keys(env)) {
    if (probe.read.has(key) || processWideKeys.has(key)) continue;
    const subgraph = new RegExp(`^${bff.prefix}SUBGRAPH_([A-Z0-9_]+)_URL$`).exec(key)?.[1]?.toLowerCase();
    if (subgraph !== undefined) {
      const routedTo = subgraphs.get(subgraph);
      if (routedTo === undefined) problems.push(`${key} names no subgraph of ${basename(config.supergraphFile)}`);
      else if (!/^https?:/.test(routedTo)) problems.push(`${key} overrides ${subgraph}, which runs in process`);
      continue;
    }
    const service = new RegExp(`^${bff.prefix}SERVICE_([A-Z0-9_]+)_URL$`).exec(key)?.[1]?.toLowerCase();
    if (service !== undefined && service in connectorServiceDefaults) continue;
    problems.push(`${key} is not read by the ${config.name} BFF`);
  }
  for (const [name, url] of subgraphs) {
    const effective = config.subgraphs.urlOverrides[name] ?? url;
    const key = `${bff.prefix}SUBGRAPH_${name.toUpperCase()}_URL`;
    if (isLoopback(effective))
      problems.push(`subgraph ${name} is routed to ${effective}, which is the container itself: set ${key}`);
  }
  for (const [name, url] of Object.entries(config.serviceUrls)) {
    const key = `${bff.prefix}SERVICE_${name.toUpperCase()}_URL`;
    if (isLoopback(url))
      problems.push(`service ${name} is called at ${url}, which is the container itself: set ${key}`);
  }
  if (config.server.host !== '0.0.0.0')
    problems.push(`${bff.prefix}HOST must be 0.0.0.0 in a container, but the BFF listens on ${config.server.host}`);
  return { problems, port: config.server.port };
}

/** Keys a service's main.ts reads itself, beside runService's. */
const serviceOwnKeys: Readonly<Record<string, readonly string[]>> = {
  orders: [advanceIntervalKey, ordersRedisUrlKey],
};

async function checkServiceEnvironment(
  env: Record<string, string>,
  ownKeys: readonly string[],
): Promise<EnvironmentCheck> {
  // runService itself reads the keys; on port 0 and loopback so the probe never collides.
  const probe = recording({ ...env, PORT: '0', HOST: '127.0.0.1' });
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((signal) => ({ signal, listeners: new Set(process.listeners(signal)) }));
  const app = await runService({ name: 'probe', defaultPort: 1, env: probe.env, create: async () => Fastify() });
  await app.close();
  // runService closes its app on a signal: the probe's own listeners go with the probe.
  for (const { signal, listeners } of before)
    for (const listener of process.listeners(signal)) if (!listeners.has(listener)) process.off(signal, listener);
  const problems = Object.keys(env)
    .filter((key) => !probe.read.has(key) && !processWideKeys.has(key) && !ownKeys.includes(key))
    .map((key) => `${key} is not read by runService`);
  const raw = env['PORT'];
  if (raw === undefined) problems.push('PORT must be set: the default ports are for one machine');
  if (env['HOST'] !== undefined && env['HOST'] !== '0.0.0.0')
    problems.push(`HOST must be 0.0.0.0 in a container, but got: ${env['HOST']}`);
  return { problems, port: raw === undefined ? undefined : Number(raw) };
}

/** The REST services the connectors call: defaults of the serviceUrls every BFF starts from. */
const connectorServiceDefaults: Readonly<Record<string, string>> = readWebBffConfig({ NODE_ENV: 'test' }).serviceUrls;

/** Routing URL of every subgraph of the BFF's supergraph/<name>.yaml, by name. */
function readSupergraphRouting(config: BffConfig): Map<string, string> {
  const yamlFile = config.supergraphFile.replace(/\.graphql$/, '.yaml');
  const spec = parse(readFileSync(yamlFile, 'utf8')) as { subgraphs: Record<string, { routing_url: string }> };
  return new Map(Object.entries(spec.subgraphs).map(([name, subgraph]) => [name, subgraph.routing_url]));
}

const isLoopback = (url: string) => /^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(url);
