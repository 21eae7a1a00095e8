/**
 * The bank's journal: every mutation of the ledger and of the audit subgraph writes one line to
 * its batch, in the order the mutations reach them, so the answers show the order they ran in.
 *
 * It is state shared by two subgraphs and kept between requests, yet each gateway must see the
 * same answers: every mutation operation of the suite opens its own batch first (`openBatch`),
 * which empties it, and the harness sends each operation to one gateway after the other.
 */
export class Journal {
  readonly #batches = new Map<string, string[]>();

  /** Empties `batch` (or starts it). */
  open(batch: string): void {
    this.#batches.set(batch, []);
  }

  /** Writes `line` as the next line of `batch` and answers its 1-based number. */
  append(batch: string, line: string): number {
    const lines = this.#batches.get(batch) ?? [];
    this.#batches.set(batch, lines);
    lines.push(`${lines.length + 1}. ${line}`);
    return lines.length;
  }

  /** A copy of the lines of `batch` so far. */
  lines(batch: string): string[] {
    return [...(this.#batches.get(batch) ?? [])];
  }
}
