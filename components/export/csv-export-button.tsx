"use client";

import { Download } from "lucide-react";
import { useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { errorMessageOf } from "@/lib/api/answers";
import { countCsvRows, utf8Bom } from "@/lib/csv";

const bomKey = "showrunner.csv-bom";
const onStorage = (changed: () => void) => {
  window.addEventListener("storage", changed);
  return () => window.removeEventListener("storage", changed);
};

type State = { kind: "idle" } | { kind: "running"; rows: number; total: number | null } | { kind: "done"; rows: number } | { kind: "failed"; message: string };

async function failureMessage(response: Response): Promise<string> {
  return errorMessageOf(await response.json().catch(() => null)) ?? `The export failed (HTTP ${response.status}). Try again.`;
}

/**
 * Downloads a streamed CSV from a route handler, counting rows as they arrive against the total the
 * server announces in `X-Total-Rows`, with a progress bar and a cancel button.
 */
export function CsvExportButton({ href, label = "Export CSV" }: { href: string; label?: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  // Remembered in this browser: whoever opens CSVs in a spreadsheet that needs the mark wants it every time.
  const stored = useSyncExternalStore(
    onStorage,
    () => window.localStorage.getItem(bomKey) === "1",
    () => false,
  );
  const [choice, setBom] = useState<boolean | null>(null);
  const bom = choice ?? stored;
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", rows: 0, total: null });
    try {
      const response = await fetch(href, { signal: controller.signal });
      if (!response.ok || !response.body) {
        setState({ kind: "failed", message: await failureMessage(response) });
        return;
      }
      const totalHeader = response.headers.get("x-total-rows");
      const total = totalHeader ? Number(totalHeader) : null;
      const reader = response.body.getReader();
      const parts: Uint8Array[] = bom ? [utf8Bom] : [];
      const csv = { quoted: false };
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        lines += countCsvRows(value, csv);
        setState({ kind: "running", rows: Math.max(0, lines - 1), total });
      }
      const blob = new Blob(parts as BlobPart[], { type: "text/csv" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export.csv";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done", rows: Math.max(0, lines - 1) });
    } catch (err) {
      setState(
        controller.signal.aborted
          ? { kind: "idle" }
          : { kind: "failed", message: `The export stopped: ${err instanceof Error ? err.message : "connection lost"}. Try again.` },
      );
    }
  }

  const percent = state.kind === "running" && state.total ? Math.min(100, Math.round((state.rows / state.total) * 100)) : null;
  return (
    <div className="flex flex-col items-end gap-1">
      {state.kind === "running" ? (
        <Button variant="outline" onClick={() => abort.current?.abort()}>
          Cancel export
        </Button>
      ) : (
        <Button variant="outline" onClick={run}>
          <Download aria-hidden /> {label}
        </Button>
      )}
      <div aria-live="polite" className="text-xs text-muted-foreground">
        {state.kind === "running" && (
          <div className="flex items-center gap-2">
            <progress className="h-2 w-32 accent-primary" max={100} value={percent ?? undefined} aria-label="Export progress" />
            <span>
              {state.rows.toLocaleString()} {state.total !== null && `of ${state.total.toLocaleString()}`} rows
            </span>
          </div>
        )}
        {state.kind === "done" && <span>Exported {state.rows.toLocaleString()} rows.</span>}
        {state.kind === "failed" && <span className="text-destructive">{state.message}</span>}
      </div>
      <label className="flex items-center gap-1.5 text-xs text-muted-foreground">
        <input
          type="checkbox"
          className="size-3.5 accent-primary"
          checked={bom}
          onChange={(e) => {
            setBom(e.currentTarget.checked);
            window.localStorage.setItem(bomKey, e.currentTarget.checked ? "1" : "0");
          }}
        />
        For Excel: add a UTF-8 byte-order mark
      </label>
    </div>
  );
}
