export {
  startGuildSubgraphs,
  defaultGuildSubgraphPorts,
  type GuildSubgraphs,
  type GuildSubgraphsOptions,
} from './startGuildSubgraphs.js';
export {
  createGuildSubgraphServer,
  guildSubgraphPath,
  type GuildSubgraphServerOptions,
} from './createGuildSubgraphServer.js';
export { createGuildSubgraphSchema, guildSchemaPath } from './schemas.js';
export {
  guildResolvers,
  guildSubgraphNames,
  shippingEstimate,
  type GuildSubgraphName,
  type InventoryProduct,
} from './resolvers.js';
export {
  guildUsers,
  guildProducts,
  guildInventory,
  guildReviews,
  type GuildUser,
  type GuildProduct,
  type GuildInventoryItem,
  type GuildReview,
} from './data.js';
export { guildBenchmarkQuery, guildBenchmarkOperationName, guildExpectedResponseFile } from './query.js';
