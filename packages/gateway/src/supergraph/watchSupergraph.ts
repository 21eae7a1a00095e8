import type { SupergraphSdlHook } from '@apollo/gateway';
import { Supergraph as FederationSupergraph } from '@apollo/federation-internals';
import type { Logger } from '@apollo/utils.logger';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ConfigError } from '../errors/ConfigError.js';
import { readSupergraph, type Supergraph } from './readSupergraph.js';

/** Options of {@link watchSupergraph}. */
export interface SupergraphWatchOptions {
  /** The supergraph file the BFF booted from. */
  readonly file: string;
  readonly urlOverrides: Readonly<Record<string, string>>;
  /** The supergraph read at boot: served first. */
  readonly initial: Supergraph;
  /** Throws (ConfigError) when this BFF cannot serve `next`, e.g. a rule names a field it lacks. */
  readonly check: (next: Supergraph) => void;
  readonly logger: Logger;
  /** Quiet time after the last change before the file is read: editors and `cp` write in steps. @default 200 */
  readonly debounceMs?: number;
}

/**
 * The `supergraphSdl` hook of @apollo/gateway that serves the boot supergraph, then watches its
 * file (its directory, so a file replaced by rename is seen too) and hands each changed version
 * to the gateway once it reads, builds as a supergraph and passes `check`. A version that fails
 * is rejected with a logged reason; the previous one keeps serving. Stopping the gateway stops
 * the watch.
 */
export function watchSupergraph(options: SupergraphWatchOptions): SupergraphSdlHook {
  const { file, logger } = options;
  return async ({ update }) => {
    let current = options.initial.sdl;
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      try {
        const next = readSupergraph(file, options.urlOverrides);
        if (next.sdl === current) return;
        FederationSupergraph.build(next.sdl);
        options.check(next);
        update(next.sdl);
        current = next.sdl;
        logger.info(`supergraph reloaded from ${file}`);
      } catch (error) {
        const reason = error instanceof ConfigError ? error.problems.join('; ') : (error as Error).message;
        logger.error(`supergraph ${file} rejected, the previous one keeps serving: ${reason}`);
      }
    };
    const watcher: FSWatcher = watch(dirname(file), (_event, changed) => {
      if (changed !== null && changed !== basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, options.debounceMs ?? 200);
    });
    watcher.on('error', (error) => logger.warn(`stopped watching supergraph ${file}: ${error.message}`));
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
