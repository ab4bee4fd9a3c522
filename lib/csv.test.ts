import { describe, expect, test } from "vitest";
import { countCsvRows, csvCell, csvRow, csvStream } from "./csv";

describe("CSV cells", () => {
  test("quote commas, quotes and line breaks", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvRow(["a", 1, null, true])).toBe("a,1,,true\r\n");
  });

  test("never let a spreadsheet run a value as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(-5)).toBe("-5");
  });

  test("write dates as ISO 8601 and objects as JSON", () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell({ role: "admin" })).toBe('"{""role"":""admin""}"');
  });
});

describe("a CSV stream", () => {
  async function* items(count: number) {
    for (let i = 0; i < count; i += 1) yield { title: i % 2 ? `line\nbreak ${i}` : `plain ${i}` };
  }

  test("counts the rows it has handed on, a title with a line break still one row", async () => {
    const stream = csvStream(["title"], items(450), (item) => [item.title]);
    const reader = stream.getReader();
    await reader.read();
    expect(stream.rowsSent()).toBe(200);
    while (!(await reader.read()).done);
    expect(stream.rowsSent()).toBe(450);
  });
});

describe("counting a CSV's rows as it arrives", () => {
  test("counts rows, not line breaks inside quoted cells, across chunk boundaries", () => {
    const text = csvRow(["id", "note"]) + csvRow(["a", "two\nlines"]) + csvRow(["b", 'say ""hi""\r\nthen "go"']) + csvRow(["c", "plain"]);
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const state = { quoted: false };
      let rows = 0;
      for (let i = 0; i < bytes.length; i += size) rows += countCsvRows(bytes.subarray(i, i + size), state);
      expect(rows).toBe(4);
      expect(state.quoted).toBe(false);
    }
  });
});
