/**
 * This package as other programs see it (package.json's `types` export). Its implementation imports
 * Hive Gateway, whose types augment graphql's own and break the kit's typecheck (tsconfig.json
 * here); this file names no Hive type, so the bench imports the package and stays typed. The
 * package's test checks that the implementation has these very types.
 */
import type { HiveGateway, HiveGatewayOptions } from './hiveGatewayOptions.js';

export type { HiveGateway, HiveGatewayOptions, HiveJwtOptions, InProcessSubgraph } from './hiveGatewayOptions.js';

/**
 * Starts Hive Gateway with its Rust query planner over a supergraph, every request authenticated,
 * nothing forwarded to subgraphs (startHiveGateway.ts).
 */
export declare function startHiveGateway(options: HiveGatewayOptions): Promise<HiveGateway>;

/** The Hive Gateway packages the peer runs, by name, at their pinned versions (hivePeerVersions.ts). */
export declare const hivePeerVersions: Readonly<Record<string, string>>;
