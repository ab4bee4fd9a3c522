/** One measured figure of `npm run bench`, with its budget from ARCHITECTURE §7 ("—" when it has none). */
export interface Figure {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}
