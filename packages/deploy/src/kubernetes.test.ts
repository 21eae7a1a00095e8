import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { checkEnvironment, deployableOf, repositoryRoot, workspaceServices } from './deployables.js';

/**
 * The models of kubernetes-models 4.x (the last for Node 20): each validates an object against
 * the JSON schema generated from the Kubernetes OpenAPI spec (types, required fields, enums).
 */
const models = { ConfigMap, Service, Deployment, HorizontalPodAutoscaler, PodDisruptionBudget } as const;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [field: string]: unknown;
}

const directory = join(repositoryRoot, 'deploy/kubernetes');
const kustomization = readYaml('kustomization.yaml')[0] as { resources: string[] };
const manifests: Manifest[] = kustomization.resources.flatMap((file) => readYaml(file) as Manifest[]);
const byKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const named = (kind: string, name: string) =>
  manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);

type Container = {
  name: string;
  command: string[];
  ports: { name: string; containerPort: number }[];
  envFrom?: { configMapRef: { name: string } }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
};
const containerOf = (deployment: Manifest) =>
  (deployment as unknown as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec
    .containers[0]!;

describe('deploy/kubernetes', () => {
  it('is valid against the Kubernetes schemas, every manifest of the kustomization', () => {
    const problems: string[] = [];
    for (const manifest of manifests) {
      const model = models[manifest.kind as keyof typeof models];
      if (!model) {
        problems.push(`${manifest.kind} ${manifest.metadata.name}: no schema for this kind`);
        continue;
      }
      expect(manifest.apiVersion, `${manifest.kind} ${manifest.metadata.name}`).toBe(model.apiVersion);
      try {
        new (model as unknown as new (data: unknown) => { validate(): void })(manifest).validate();
      } catch (error) {
        problems.push(`${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds a manifest that breaks the schema', () => {
    const deployment = structuredClone(named('Deployment', 'web-bff')!) as unknown as { spec: { replicas: unknown } };
    deployment.spec.replicas = 'two';
    expect(() => new Deployment(deployment as never).validate()).toThrow(/replicas/);
  });

  const deployables = [...workspaceServices, 'web-bff', 'mobile-bff'];

  it('gives every service and both BFFs a Deployment, a Service, an autoscaler and a disruption budget', () => {
    const missing = deployables.flatMap((name) =>
      ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']
        .filter((kind) => !named(kind, name))
        .map((kind) => `${kind} ${name}`),
    );
    expect(missing).toEqual([]);
    for (const name of deployables) {
      expect(
        (named('HorizontalPodAutoscaler', name) as unknown as { spec: { scaleTargetRef: unknown } }).spec
          .scaleTargetRef,
        name,
      ).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      const labels = { 'app.kubernetes.io/name': name };
      expect(
        (named('PodDisruptionBudget', name) as unknown as { spec: { selector: unknown } }).spec.selector,
        name,
      ).toEqual({ matchLabels: labels });
      expect((named('Service', name) as unknown as { spec: { selector: unknown } }).spec.selector, name).toEqual(
        labels,
      );
    }
  });

  it('runs each from its main.ts with config from a ConfigMap, secrets from a Secret, that the code reads and accepts, on the port it listens on', async () => {
    const problems: string[] = [];
    for (const name of deployables) {
      const container = containerOf(named('Deployment', name)!);
      const deployable = deployableOf(container.command);
      if (typeof deployable === 'string') {
        problems.push(`${name}: ${deployable}`);
        continue;
      }
      expect(deployable.kind === 'service' ? deployable.name : name).toBe(name);
      const env: Record<string, string> = {};
      for (const { configMapRef } of container.envFrom ?? []) {
        const configMap = named('ConfigMap', configMapRef.name) as unknown as
          { data: Record<string, string> } | undefined;
        if (!configMap) problems.push(`${name}: ConfigMap ${configMapRef.name} is not in the manifests`);
        Object.assign(env, configMap?.data);
      }
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined)
          problems.push(`${name}: ${variable.name} is set in the Deployment; config goes in the ConfigMap`);
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) {
          expect(ref, `${name} ${variable.name}`).toEqual({ name: 'bff-secrets', key: variable.name });
          env[variable.name] = 's'.repeat(32);
        }
      }
      expect(env['APOLLO_TELEMETRY_DISABLED'], name).toBe('true');
      const check = await checkEnvironment(deployable, env);
      problems.push(...check.problems.map((problem) => `${name}: ${problem}`));
      expect(container.ports, name).toEqual([{ name: 'http', containerPort: check.port }]);
      expect((named('Service', name) as unknown as { spec: { ports: unknown } }).spec.ports, name).toEqual([
        { name: 'http', port: check.port, targetPort: 'http' },
      ]);
      // Only the BFFs have /readyz (supergraph loaded, not draining); a service is ready once it answers.
      expect(container.readinessProbe?.httpGet, name).toEqual({
        path: deployable.kind === 'bff' ? '/readyz' : '/healthz',
        port: 'http',
      });
      expect(container.livenessProbe?.httpGet, name).toEqual({ path: '/healthz', port: 'http' });
    }
    expect(problems).toEqual([]);
  });

  it('gives each BFF longer than its shutdown delay and grace together before the kubelet kills it', () => {
    const budgets = ['web-bff', 'mobile-bff'].map((name) => {
      const deployment = named('Deployment', name)!;
      const container = containerOf(deployment);
      const deployable = deployableOf(container.command);
      if (typeof deployable === 'string' || deployable.kind !== 'bff')
        throw new Error(`${name}: ${JSON.stringify(deployable)}`);
      const env: Record<string, string> = {};
      for (const { configMapRef } of container.envFrom ?? [])
        Object.assign(env, (named('ConfigMap', configMapRef.name) as unknown as { data: Record<string, string> }).data);
      for (const variable of container.env ?? [])
        if (variable.valueFrom?.secretKeyRef) env[variable.name] = 's'.repeat(32);
      // As the BFF reads them, defaults included.
      const { shutdownDelayMs, shutdownGraceMs } = deployable.read(env).observability;
      const terminationGracePeriodSeconds =
        (deployment as unknown as { spec: { template: { spec: { terminationGracePeriodSeconds?: number } } } }).spec
          .template.spec.terminationGracePeriodSeconds ?? 30;
      return { name, shutdownDelayMs, shutdownGraceMs, killedAfterMs: terminationGracePeriodSeconds * 1000 };
    });
    for (const { name, shutdownDelayMs, shutdownGraceMs, killedAfterMs } of budgets) {
      // A delay is what keeps clients of the pod's keep-alive connections from meeting resets (issue #23).
      expect(shutdownDelayMs, name).toBeGreaterThan(0);
      expect(shutdownDelayMs + shutdownGraceMs, `${name}: delay + grace < terminationGracePeriodSeconds`).toBeLessThan(
        killedAfterMs,
      );
    }
  });

  it('keeps the JWT secrets out of the repository: the BFFs read them from the Secret bff-secrets, which no manifest holds', () => {
    expect(byKind('Secret')).toEqual([]);
    const secretKeys = ['web-bff', 'mobile-bff'].map((name) =>
      containerOf(named('Deployment', name)!).env?.map((variable) => variable.valueFrom?.secretKeyRef.key),
    );
    expect(secretKeys).toEqual([['WEB_BFF_JWT_SECRET'], ['MOBILE_BFF_JWT_SECRET']]);
  });

  it('shares one Redis between the replicas of both BFFs', () => {
    expect(
      ['web-bff-config', 'mobile-bff-config'].map(
        (name) => (named('ConfigMap', name) as unknown as { data: Record<string, string> }).data['REDIS_URL'],
      ),
    ).toEqual(['redis://redis:6379', 'redis://redis:6379']);
    expect((named('Service', 'redis') as unknown as { spec: { ports: { port: number }[] } }).spec.ports[0]!.port).toBe(
      6379,
    );
  });
});

function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(join(directory, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
    return document.toJS() as unknown;
  });
}
