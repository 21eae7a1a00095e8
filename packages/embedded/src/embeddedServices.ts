/** The example services `npm start` runs, on the ports supergraph/*.yaml and the connectors expect. */
export const embeddedServices = [
  { name: 'products', defaultPort: 4201, graphql: true },
  { name: 'reviews', defaultPort: 4202, graphql: true },
  { name: 'accounts', defaultPort: 4301, graphql: false },
  { name: 'orders', defaultPort: 4302, graphql: false },
  { name: 'inventory', defaultPort: 4303, graphql: false },
] as const;

export type EmbeddedServiceName = (typeof embeddedServices)[number]['name'];

/** Reads `<NAME>_PORT` for each service (0 picks a free port); throws one RangeError naming every bad one. */
export function readServicePorts(env: NodeJS.ProcessEnv): Record<EmbeddedServiceName, number> {
  const problems: string[] = [];
  const ports = Object.fromEntries(
    embeddedServices.map((service) => {
      const key = `${service.name.toUpperCase()}_PORT`;
      const raw = env[key];
      if (raw === undefined || raw === '') return [service.name, service.defaultPort];
      if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535)
        problems.push(`${key} must be an integer from 0 to 65535, but got: '${raw}'`);
      return [service.name, Number(raw)];
    }),
  ) as Record<EmbeddedServiceName, number>;
  if (problems.length > 0) throw new RangeError(problems.join('\n'));
  return ports;
}
