import { startServices, type RunningServices } from './startServices.js';
import { startTestBff, type ClientName, type TestBff, type TestBffParts } from './startTestBff.js';

/** Every example service and one BFF over them, stopped together. */
export interface TestStack extends AsyncDisposable {
  readonly services: RunningServices;
  readonly bff: TestBff;
  /** Stops the BFF, then the services. */
  close(): Promise<void>;
}

/**
 * Starts the services and a `client` BFF routed to them (`env` and `parts` as startTestBff
 * takes them); when the BFF fails to start, the services are closed before the error is thrown.
 */
export async function startTestStack(
  client: ClientName,
  env?: NodeJS.ProcessEnv,
  parts?: TestBffParts,
): Promise<TestStack> {
  const services = await startServices();
  let bff: TestBff;
  try {
    bff = await startTestBff(client, services, env, parts);
  } catch (error) {
    await services.close();
    throw error;
  }
  const close = async () => {
    await bff.stop();
    await services.close();
  };
  return { services, bff, close, [Symbol.asyncDispose]: close };
}
