/**
 * Splits ids into groups whose batch URL (`prefix` + comma-joined, URL-encoded ids) stays within
 * `maxUrlLength`: proxies and servers reject long URLs well before batch sizes get large.
 */
export function batchByUrlLength(prefix: string, ids: readonly string[], maxUrlLength: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let length = prefix.length;
  for (const id of ids) {
    const added = encodeURIComponent(id).length + (group.length > 0 ? 1 : 0);
    if (group.length > 0 && length + added > maxUrlLength) {
      groups.push(group);
      group = [];
      length = prefix.length;
    }
    group.push(id);
    length += encodeURIComponent(id).length + (group.length > 1 ? 1 : 0);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
