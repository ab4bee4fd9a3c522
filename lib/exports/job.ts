import "server-only";
import type { AuditDetails } from "@/lib/audit/store";
import { csvResponse } from "@/lib/csv";
import type { CsvStream } from "@/lib/csv";

/** A download ready to stream, and how many of its rows have left so far. */
export interface ExportDownload {
  response: Response;
  rows(): number;
}

/** One kind of export: what its audit row says, whether it is limited, and how to open it. */
export interface ExportJob {
  /** The audit action, `<target type>.export` by the trail's naming. */
  action: string;
  targetType: string;
  targetId?: string;
  /** What the audit row holds besides the filters, the rows sent and whether the download completed. */
  details?: AuditDetails;
  /** Whether it takes one of the account's export slots: every export that reads Sendbird does. */
  limited: boolean;
  /** Reads the first of the data (a source that is down fails here, not mid-file) and returns the download. */
  open(): Promise<ExportDownload>;
}

/** An export whose download is a CSV stream, named `name` and the date; `total` when the source knows it. */
export function csvExport(job: Omit<ExportJob, "open">, name: string, open: () => Promise<{ body: CsvStream; total?: number }>): ExportJob {
  return {
    ...job,
    open: async () => {
      const { body, total } = await open();
      return { response: csvResponse(body, name, total), rows: body.rowsSent };
    },
  };
}
