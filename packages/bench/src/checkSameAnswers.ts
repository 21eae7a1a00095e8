import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/** The same operation sent to several gateways, each request with its own valid token. */
export interface SameAnswersCheck {
  readonly name: string;
  readonly body: object;
  readonly gateways: readonly { readonly label: string; readonly url: string }[];
  readonly headersPerRequest: () => Record<string, string>;
}

/** How long one request alone may take before the bench fails: a gateway that hangs must not hang the bench. */
const answerTimeoutMs = 30_000;

/** One request alone, its status and text; fails after {@link answerTimeoutMs}. */
export async function postAlone(
  url: string,
  body: object,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(answerTimeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw new Error(`${url} did not answer within ${answerTimeoutMs} ms: ${String(error)}`);
  }
}

/**
 * Fails unless every gateway answers the scenario 200 with data, no errors, and the same data as
 * the first: a fast wrong answer must never count. The answers are written to test-artifacts/ to diff.
 */
export async function checkSameAnswers(scenario: SameAnswersCheck): Promise<void> {
  const answers = await Promise.all(
    scenario.gateways.map(async (gateway) => ({
      gateway,
      ...(await postAlone(gateway.url, scenario.body, scenario.headersPerRequest())),
    })),
  );
  const dir = 'test-artifacts/peer-answers';
  mkdirSync(dir, { recursive: true });
  const file = (label: string) => `${dir}/${scenario.name.replace(/\W+/g, '-')}-${label}.json`;
  for (const { gateway, text } of answers) writeFileSync(file(gateway.label), text);
  const parsed = answers.map(({ gateway, status, text }) => {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    if (status !== 200 || body.errors !== undefined || body.data == null)
      throw new Error(`${scenario.name}: ${gateway.label} answers ${status} ${text.slice(0, 300)}`);
    return { label: gateway.label, data: body.data };
  });
  const [first, ...others] = parsed;
  const differing = others.filter((other) => !isDeepStrictEqual(other.data, first?.data));
  if (first && differing.length > 0)
    throw new Error(
      `${scenario.name}: ${differing.map((other) => other.label).join(', ')} answer other data than ` +
        `${first.label}; compare ${parsed.map((answer) => file(answer.label)).join(' ')}`,
    );
}
