import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { createFetcher } from './createFetcher.js';
import { SignIn } from './SignIn.js';

/** What the page tells the explorer (data attributes of its root element). */
export interface ExplorerSettings {
  readonly bffName: string;
  readonly graphqlUrl: URL;
  /** Where development tokens are signed; undefined when the BFF signs none. */
  readonly tokenUrl: URL | undefined;
}

const defaultQuery = ({ bffName, tokenUrl }: ExplorerSettings) =>
  [
    `# The ${bffName} BFF's API, served by the BFF itself.`,
    '#',
    '# Ctrl+Space completes, Ctrl+Enter runs.',
    '# Docs and search: the book icon, top left.',
    ...(tokenUrl
      ? ['# Sign in: "Development token", top right,', '# or under Headers:']
      : ['# Sign in under Headers:']),
    '#   { "Authorization": "Bearer <token>" }',
    '',
  ].join('\n');

/** GraphiQL over the BFF's own /graphql, its docs and history, with the sign-in bar in place of the logo. */
export function Explorer({ settings }: { readonly settings: ExplorerSettings }) {
  const fetcher = useMemo(() => createFetcher(settings.graphqlUrl), [settings.graphqlUrl]);
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery(settings)}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <SignIn bffName={settings.bffName} tokenUrl={settings.tokenUrl} />
      </GraphiQL.Logo>
    </GraphiQL>
  );
}
