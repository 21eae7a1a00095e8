import type { Scenario } from '../../harness/Scenario.js';
import { catalogSubgraph } from './catalog.js';
import { mediaLibraryOperations } from './operations.js';
import { reviewsSubgraph } from './reviews.js';
import { searchSubgraph } from './search.js';

/**
 * Interfaces and unions spread over subgraphs: `Media` is implemented by books and movies (the
 * catalog) and by podcasts (reviews, which the catalog does not know); `SearchHit` unites entities
 * of both owners, keyed only in the search subgraph.
 */
export const mediaLibraryScenario: Scenario = {
  name: 'mediaLibrary',
  subgraphs: [catalogSubgraph, reviewsSubgraph, searchSubgraph],
  operations: mediaLibraryOperations,
};
