import { useGraphiQL } from '@graphiql/react';
import { useState, type SubmitEvent } from 'react';
import { readViewer, withBearerToken, type HeaderViewer } from './authorizationHeader.js';
import { requestDevelopmentToken } from './requestDevelopmentToken.js';

/** What the sign-in bar needs from the page. */
export interface SignInProps {
  /** The BFF's name, e.g. 'web'. */
  readonly bffName: string;
  /** Where development tokens are signed; undefined when the BFF signs none (production). */
  readonly tokenUrl: URL | undefined;
}

const timeOf = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function describeViewer(viewer: HeaderViewer): string {
  if (viewer.kind === 'anonymous') return 'anonymous';
  if (viewer.kind === 'unreadable') return 'Authorization set';
  const roles = viewer.roles.length > 0 ? ` (${viewer.roles.join(', ')})` : '';
  return `user ${viewer.subject}${roles}${viewer.expiresAt ? ` until ${timeOf(viewer.expiresAt)}` : ''}`;
}

const namesOf = (text: string) => text.split(/[\s,]+/).filter((name) => name !== '');

/**
 * The bar above the editors: the BFF's name, who the Authorization header (in the Headers
 * editor, where the user may also paste any token) says the viewer is, sign-out, and in
 * development a one-click development token for a chosen subject and roles.
 */
export function SignIn({ bffName, tokenUrl }: SignInProps) {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const headersText = useGraphiQL((state) => state.tabs[state.activeTabIndex]?.headers ?? '');
  const [subject, setSubject] = useState('1');
  const [roles, setRoles] = useState('customer');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const viewer = readViewer(headersText);

  const applyToken = (token: string | undefined) => {
    if (!headerEditor) return;
    const headers = withBearerToken(headerEditor.getValue(), token);
    if (headers === undefined) {
      setProblem('The Headers editor does not hold a JSON object: fix it, then try again.');
      return;
    }
    headerEditor.setValue(headers);
    setProblem(undefined);
  };
  const signIn = async (event: SubmitEvent, url: URL) => {
    event.preventDefault();
    setBusy(true);
    try {
      applyToken(await requestDevelopmentToken(url, { sub: subject.trim(), roles: namesOf(roles) }));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bff-sign-in">
      <strong className="bff-name">{bffName} BFF</strong>
      <span className="bff-viewer" data-testid="viewer" title="Who the Authorization header under Headers says you are">
        {describeViewer(viewer)}
      </span>
      {viewer.kind !== 'anonymous' ? (
        <button type="button" className="bff-button" onClick={() => applyToken(undefined)}>
          Sign out
        </button>
      ) : (
        tokenUrl && (
          <form
            className="bff-token-form"
            onSubmit={(event) => {
              // signIn catches every failure itself and shows it: nothing is left to reject.
              void signIn(event, tokenUrl);
            }}
            title="Signs in with a token from this BFF's development secret (not in production)"
          >
            <label>
              user{' '}
              <input
                name="sub"
                value={subject}
                size={3}
                required
                onChange={(event) => setSubject(event.target.value)}
              />
            </label>
            <label>
              roles <input name="roles" value={roles} size={9} onChange={(event) => setRoles(event.target.value)} />
            </label>
            <button type="submit" className="bff-button" disabled={busy || !headerEditor}>
              Development token
            </button>
          </form>
        )
      )}
      {problem && (
        <span role="alert" className="bff-problem" title={problem}>
          {problem}
        </span>
      )}
    </div>
  );
}
