import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkEnvironment, deployableOf, repositoryRoot, workspaceServices, type Deployable } from './deployables.js';

const run = promisify(execFile);

/** A compose service as `docker-compose config` prints it: anchors merged, variables interpolated. */
interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  ports?: { target: number; published?: number | string }[];
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
  /** `host:container:mode`, as docker-compose 1.29 prints them. */
  volumes?: string[];
}

const secrets = { WEB_BFF_JWT_SECRET: 'w'.repeat(32), MOBILE_BFF_JWT_SECRET: 'm'.repeat(32) };
const ownImage = 'bff-federation:dev';

/** Runs Debian's docker-compose 1.29 on the repository's file; it needs no Docker engine for `config`. */
async function composeConfig(env: Record<string, string>, quiet = false): Promise<string> {
  const { PATH, HOME } = process.env;
  const { stdout } = await run('docker-compose', ['config', ...(quiet ? ['-q'] : [])], {
    cwd: repositoryRoot,
    env: { PATH, HOME, ...env },
  });
  return stdout;
}

describe('docker-compose.yml', () => {
  let services: Record<string, ComposeService>;
  const deployables = new Map<string, Deployable>();

  beforeAll(async () => {
    services = (parse(await composeConfig(secrets)) as { services: Record<string, ComposeService> }).services;
    for (const [name, service] of Object.entries(services)) {
      if (service.image !== ownImage) continue;
      const deployable = deployableOf(service.command ?? []);
      if (typeof deployable === 'string') throw new Error(`${name}: ${deployable}`);
      deployables.set(name, deployable);
    }
  });

  it('is valid for docker-compose config -q when both JWT secrets are set', async () => {
    await expect(composeConfig(secrets, true)).resolves.toBe('');
  });

  it('refuses to run without the JWT secrets, naming each one', async () => {
    await expect(composeConfig({ MOBILE_BFF_JWT_SECRET: secrets.MOBILE_BFF_JWT_SECRET })).rejects.toThrow(
      'set WEB_BFF_JWT_SECRET to a secret of 32 or more characters',
    );
    await expect(composeConfig({ WEB_BFF_JWT_SECRET: secrets.WEB_BFF_JWT_SECRET })).rejects.toThrow(
      'set MOBILE_BFF_JWT_SECRET to a secret of 32 or more characters',
    );
  });

  it('runs every service of the workspace and both BFFs, each from its own main.ts, under its own name', () => {
    const named = Object.fromEntries(
      [...deployables].map(([name, deployable]) => [
        name,
        deployable.kind === 'service' ? deployable.name : deployable.kind,
      ]),
    );
    expect(named).toEqual({
      ...Object.fromEntries(workspaceServices.map((name) => [name, name])),
      'web-bff': 'bff',
      'mobile-bff': 'bff',
    });
  });

  it('sets only environment variables the code reads, with values it accepts', async () => {
    const problems: string[] = [];
    for (const [name, deployable] of deployables) {
      const env = environmentOf(services[name]!);
      expect(env['APOLLO_TELEMETRY_DISABLED'], name).toBe('true');
      const check = await checkEnvironment(deployable, env);
      problems.push(...check.problems.map((problem) => `${name}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  it('runs both BFFs as two replicas with Redis and tracing, behind the load balancer only', () => {
    for (const name of ['web-bff', 'mobile-bff']) {
      const service = services[name]!;
      const prefix = name === 'web-bff' ? 'WEB_BFF_' : 'MOBILE_BFF_';
      expect(service.deploy?.replicas, name).toBe(2);
      expect(service.ports, name).toBeUndefined();
      expect(service.environment?.['REDIS_URL'], name).toBe('redis://redis:6379');
      expect(service.environment?.[`${prefix}OTLP_TRACES_URL`], name).toBe('http://jaeger:4318/v1/traces');
    }
    expect(services['redis']?.image).toMatch(/^redis:/);
    expect(services['jaeger']?.environment).toEqual({ COLLECTOR_OTLP_ENABLED: 'true' });
  });

  it('points every URL, probe, upstream and scrape at the port the code listens on', async () => {
    const ports = new Map<string, number>();
    for (const [name, deployable] of deployables) {
      const { port } = await checkEnvironment(deployable, environmentOf(services[name]!));
      ports.set(name, port!);
    }
    ports.set('redis', 6379);
    ports.set('jaeger', 4318);
    const problems: string[] = [];
    // Every URL a container is given names a compose service, on the port that service listens on.
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        const target = /^[a-z]+:\/\/([a-z0-9-]+):(\d+)/.exec(value ?? '');
        if (!target) continue;
        const [, host = '', port = ''] = target;
        if (!(host in services)) problems.push(`${name} ${key}: ${host} is not a compose service`);
        else if (ports.get(host) !== Number(port))
          problems.push(`${name} ${key}: ${host} listens on ${String(ports.get(host))}, not ${port}`);
      }
    }
    // A BFF's health check asks its own port; a service's asks process.env.PORT.
    for (const name of ['web-bff', 'mobile-bff']) {
      expect(services[name]!.healthcheck?.test.join(' '), name).toContain(
        `http://127.0.0.1:${String(ports.get(name))}/readyz`,
      );
    }
    for (const name of workspaceServices)
      expect(services[name]!.healthcheck?.test.join(' '), name).toContain("process.env.PORT+'/healthz'");
    // nginx balances over each BFF's replicas by service name, on the BFF's port, and listens where compose publishes.
    const nginx = readFileSync(join(repositoryRoot, 'deploy/nginx.conf'), 'utf8');
    const upstreams = [...nginx.matchAll(/^\s*server ([a-z-]+):(\d+) resolve;/gm)].map(([, host, port]) => [
      host,
      Number(port),
    ]);
    expect(upstreams).toEqual([
      ['web-bff', ports.get('web-bff')],
      ['mobile-bff', ports.get('mobile-bff')],
    ]);
    const listens = [...nginx.matchAll(/^\s*listen (\d+);/gm)].map(([, port]) => Number(port));
    expect(services['lb']!.ports!.map((port) => port.target)).toEqual(listens);
    expect(services['lb']!.volumes).toEqual([`${join(repositoryRoot, 'deploy/nginx.conf')}:/etc/nginx/nginx.conf:ro`]);
    expect(services['prometheus']!.volumes).toEqual([
      `${join(repositoryRoot, 'deploy/prometheus.yml')}:/etc/prometheus/prometheus.yml:ro`,
    ]);
    // Prometheus scrapes /metrics of every BFF replica (DNS gives one address per replica).
    const prometheus = parse(readFileSync(join(repositoryRoot, 'deploy/prometheus.yml'), 'utf8')) as {
      scrape_configs: {
        job_name: string;
        metrics_path: string;
        dns_sd_configs: { names: string[]; type: string; port: number }[];
      }[];
    };
    expect(prometheus.scrape_configs).toEqual(
      ['web-bff', 'mobile-bff'].map((name) => ({
        job_name: name,
        metrics_path: '/metrics',
        dns_sd_configs: [{ names: [name], type: 'A', port: ports.get(name) }],
      })),
    );
    expect(problems).toEqual([]);
  });
});

describe('checkEnvironment', () => {
  const web = deployableOf(['node', '--conditions=bff-compiled', 'packages/web-bff/dist/main.js']) as Deployable;
  const fleetEnv = {
    NODE_ENV: 'production',
    WEB_BFF_HOST: '0.0.0.0',
    WEB_BFF_JWT_SECRET: secrets.WEB_BFF_JWT_SECRET,
    WEB_BFF_SUBGRAPH_PRODUCTS_URL: 'http://products:4201/graphql',
    WEB_BFF_SUBGRAPH_REVIEWS_URL: 'http://reviews:4202/graphql',
    WEB_BFF_SERVICE_ACCOUNTS_URL: 'http://accounts:4301',
    WEB_BFF_SERVICE_ORDERS_URL: 'http://orders:4302',
    WEB_BFF_SERVICE_INVENTORY_URL: 'http://inventory:4303',
  };

  it('finds nothing wrong with a complete fleet environment, and says where the BFF listens', async () => {
    await expect(checkEnvironment(web, fleetEnv)).resolves.toEqual({ problems: [], port: 4000 });
  });

  it('names a misspelt key, an unknown subgraph, an in-process one, and a subgraph left on loopback', async () => {
    const { WEB_BFF_SUBGRAPH_REVIEWS_URL: _reviews, ...rest } = fleetEnv;
    const check = await checkEnvironment(web, {
      ...rest,
      WEB_BFF_RATE_LIMITS: 'on',
      WEB_BFF_SUBGRAPH_SHIPPING_URL: 'http://shipping:1/graphql',
      WEB_BFF_SUBGRAPH_WEB_URL: 'http://web:1/graphql',
    });
    expect(check.problems).toEqual([
      'WEB_BFF_RATE_LIMITS is not read by the web BFF',
      'WEB_BFF_SUBGRAPH_SHIPPING_URL names no subgraph of web.graphql',
      'WEB_BFF_SUBGRAPH_WEB_URL overrides web, which runs in process',
      'subgraph reviews is routed to http://127.0.0.1:4202/graphql, which is the container itself: set WEB_BFF_SUBGRAPH_REVIEWS_URL',
    ]);
  });

  it("gives the config reader's own error for a value it rejects", async () => {
    const check = await checkEnvironment(web, { ...fleetEnv, WEB_BFF_PORT: 'http' });
    expect(check).toEqual({
      problems: [expect.stringContaining("WEB_BFF_PORT must be an integer from 0 to 65535, but got: 'http'")],
      port: undefined,
    });
  });

  it('names a key a service never reads', async () => {
    const products = deployableOf([
      'node',
      '--conditions=bff-compiled',
      'packages/services/products/dist/main.js',
    ]) as Deployable;
    await expect(checkEnvironment(products, { HOST: '0.0.0.0', PORT: '4201', LOG_LEVEL: 'debug' })).resolves.toEqual({
      problems: ['LOG_LEVEL is not read by runService'],
      port: 4201,
    });
  });

  it('refuses a command that runs no deployable of the workspace', () => {
    expect(deployableOf(['node', '--conditions=bff-compiled', 'packages/services/shipping/dist/main.js'])).toBe(
      'command runs packages/services/shipping/dist/main.js, ' +
        'whose source packages/services/shipping/src/main.ts is not in the workspace',
    );
    const mustBe =
      'command must be ["node", <heap flags>, "--conditions=bff-compiled", "packages/<name>/dist/main.js"], but got: ';
    expect(deployableOf(['npm', 'start'])).toBe(`${mustBe}["npm","start"]`);
    expect(deployableOf(['node', '--import', 'tsx', 'packages/web-bff/src/main.ts'])).toBe(
      `${mustBe}["node","--import","tsx","packages/web-bff/src/main.ts"]`,
    );
    expect(deployableOf(['node', '--inspect', '--conditions=bff-compiled', 'packages/web-bff/dist/main.js'])).toBe(
      `${mustBe}["node","--inspect","--conditions=bff-compiled","packages/web-bff/dist/main.js"]`,
    );
    expect(
      deployableOf(['node', '--max-old-space-size=192', '--conditions=bff-compiled', 'packages/web-bff/dist/main.js']),
    ).toEqual(deployableOf(['node', '--conditions=bff-compiled', 'packages/web-bff/dist/main.js']));
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(repositoryRoot, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('installs production dependencies only in what it ships, ships the compiled workspace, and runs as a non-root user', () => {
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENV APOLLO_TELEMETRY_DISABLED=true/m);
    expect(runtime).not.toMatch(/^RUN npm/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const copiedFrom = [...runtime.matchAll(/^COPY --from=(\w+)/gm)].map(([, stage]) => stage);
    expect(copiedFrom).toEqual(['deps', 'build', 'build']);
    expect(runtime).toMatch(/^COPY --from=build \/app\/node_modules\/\.cache\/bff-explorer /m);
    // The compiled workspace (npm run build in the build stage), which every command runs.
    expect(stages[0]).toMatch(/npm run build(?!:)/);
    expect(runtime).toMatch(/^COPY --from=build --chown=root:root \/compiled\/packages \/app\/packages$/m);
  });
});

/** The container's environment as the process sees it: the image's own ENV lines, then compose's. */
function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value ?? '']));
}
