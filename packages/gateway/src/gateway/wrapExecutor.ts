import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

/** `gateway` with the executor it loads wrapped by `wrap`; schema updates and stop pass through. */
export function wrapExecutor(
  gateway: GatewayInterface,
  wrap: (executor: GatewayExecutor) => GatewayExecutor,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async load(loadOptions) {
      const { executor } = await gateway.load(loadOptions);
      return { executor: executor && wrap(executor) };
    },
    stop: () => gateway.stop(),
  };
}
