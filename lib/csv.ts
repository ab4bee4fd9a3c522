/**
 * One CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or CR prefixed with `'` (text only, not
 * numbers) so a spreadsheet never runs a value (a user nickname, an event title) as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF, as RFC 4180 has it). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A CSV byte stream that can say how many lines past the header it has handed on so far. */
export type CsvStream = ReadableStream<Uint8Array> & { rowsSent(): number };

/**
 * A CSV byte stream of `header` then one line per item, pulled from `items` as the client reads (200 lines
 * per chunk), so memory stays flat however long the export. `first` is an item already taken from `items`
 * (to fail before the response starts when the source is down).
 */
export function csvStream<T>(header: readonly string[], items: AsyncIterator<T>, toRow: (item: T) => readonly unknown[], first?: IteratorResult<T>): CsvStream {
  const encoder = new TextEncoder();
  let pending = first;
  let started = false;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = started ? "" : csvRow(header);
      started = true;
      let lines = 0;
      const hand = () => {
        controller.enqueue(encoder.encode(chunk));
        sent += lines;
      };
      for (let i = 0; i < 200; i += 1) {
        const next = pending ?? (await items.next());
        pending = undefined;
        if (next.done) {
          if (chunk) hand();
          controller.close();
          return;
        }
        chunk += csvRow(toRow(next.value));
        lines += 1;
      }
      hand();
    },
    async cancel() {
      await items.return?.(undefined);
    },
  });
  return Object.assign(stream, { rowsSent: () => sent });
}

/** A streamed CSV download; `total` (when known) lets the browser draw a progress bar. */
export function csvResponse(body: ReadableStream<Uint8Array>, name: string, total?: number): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      ...(total !== undefined ? { "x-total-rows": String(total) } : {}),
    },
  });
}

/**
 * Counts the rows a CSV's bytes end, chunk by chunk: a line break inside a quoted cell is part of the cell,
 * not a row. Give each chunk with the state the last one left (`{ quoted: false }` to start).
 */
export function countCsvRows(bytes: Uint8Array, state: { quoted: boolean }): number {
  let rows = 0;
  for (const byte of bytes) {
    // An escaped quote ("") toggles twice, so it leaves the cell quoted, as it should.
    if (byte === 34) state.quoted = !state.quoted;
    else if (byte === 10 && !state.quoted) rows += 1;
  }
  return rows;
}

/** The UTF-8 byte-order mark some spreadsheets need to read non-ASCII text in a CSV as UTF-8. */
export const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf]);
