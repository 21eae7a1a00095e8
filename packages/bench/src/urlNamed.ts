/**
 * The URL a bench target printed under `name` once ready (`url` for a gateway). A missing one is a
 * bug of the bench: it says so, where an `undefined` would only surface as a refused connection.
 */
export function urlNamed(urls: Readonly<Record<string, string>>, name: string): string {
  const url = urls[name];
  if (url === undefined) throw new Error(`no URL named ${name} among ${Object.keys(urls).join(', ')}`);
  return url;
}
