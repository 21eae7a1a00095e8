import 'graphiql/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { Explorer } from './Explorer.js';
import { setupMonaco } from './setupMonaco.js';

// The page says where everything is (relative to itself, so a path prefix added by a proxy
// keeps working) and carries this response's CSP nonce for styles.
const root = document.getElementById('explorer');
if (root === null) throw new Error('The explorer page has no element with id "explorer" to render into');
const { bffName = 'this', graphqlUrl = 'graphql', assetsUrl = 'explorer/assets/', tokenUrl } = root.dataset;
const url = (relative: string) => new URL(relative, document.baseURI);

setupMonaco({
  assetsUrl: url(assetsUrl),
  styleNonce: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '',
});
createRoot(root).render(
  <Explorer
    settings={{ bffName, graphqlUrl: url(graphqlUrl), tokenUrl: tokenUrl === undefined ? undefined : url(tokenUrl) }}
  />,
);
