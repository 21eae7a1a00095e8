import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';

/**
 * `gateway` with the executor it loads wrapped by `wrap`, and the API schema it hands Apollo Server
 * passed through `schemaOf` (as it is by default); stop passes through.
 */
export function wrapExecutor(
  gateway: GatewayInterface,
  wrap: (executor: GatewayExecutor) => GatewayExecutor,
  schemaOf: (apiSchema: GraphQLSchema) => GraphQLSchema = (apiSchema) => apiSchema,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate((update) => {
        callback({ ...update, apiSchema: schemaOf(update.apiSchema) });
      }),
    async load(loadOptions) {
      const { executor } = await gateway.load(loadOptions);
      return { executor: executor && wrap(executor) };
    },
    stop: () => gateway.stop(),
  };
}
