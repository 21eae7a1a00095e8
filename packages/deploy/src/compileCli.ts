import { fileURLToPath } from 'node:url';
import { compileWorkspace } from './compileWorkspace.js';

// `npm run build`: the compiled workspace that `npm start`, the containers and the bench run.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const started = performance.now();
const { packages, files } = await compileWorkspace(root);
console.log(
  `compiled ${files} files of ${packages} packages to their dist/ in ${Math.round(performance.now() - started)} ms`,
);
