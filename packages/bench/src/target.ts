import { startServices } from '@bff/testing';
import { createWebBff, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';

/**
 * A benchmark target process: `services` runs every example service; `web-bff` or
 * `web-bff:no-rules` runs the web BFF over the services named in the environment. Prints one
 * JSON line of URLs when ready; stops on SIGTERM.
 */
const kind = process.argv[2];
const stops: (() => Promise<void>)[] = [];
process.once('SIGTERM', () => void Promise.all(stops.map((stop) => stop())).then(() => process.exit(0)));

if (kind === 'services') {
  const services = await startServices();
  stops.push(() => services.close());
  console.log(JSON.stringify(services.urls));
} else if (kind === 'web-bff' || kind === 'web-bff:no-rules') {
  const config = readWebBffConfig({ ...process.env, [`${webBffEnvPrefix}PORT`]: '0' });
  const bff = createWebBff(config, kind === 'web-bff' ? {} : { authorization: undefined });
  stops.push(() => bff.stop());
  console.log(JSON.stringify({ url: `${await bff.start()}/graphql` }));
} else {
  console.error(`unknown bench target: ${kind}`);
  process.exit(2);
}
