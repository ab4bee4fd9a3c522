import { CheckCircle2, KeyRound, XCircle } from "lucide-react";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectionReport, HostCheck } from "@/lib/connection";
import { utc } from "@/lib/format";

const tokenText: Record<ConnectionReport["token"]["kind"], { label: string; detail: string }> = {
  master: { label: "Master token", detail: "Token management is possible from this console." },
  secondary: { label: "Secondary token", detail: "Everything but token management: by Sendbird's rules only the master token manages API tokens." },
  rejected: { label: "Rejected", detail: "Sendbird does not accept this token. Check SENDBIRD_API_TOKEN." },
  unknown: { label: "Unknown", detail: "The token could not be checked." },
};

function HostCard({ check }: { check: HostCheck }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3 className="flex items-center gap-2">
            {check.ok ? <CheckCircle2 className="size-5 text-success" aria-hidden /> : <XCircle className="size-5 text-destructive" aria-hidden />}
            {check.label}
          </h3>
        </CardTitle>
        <CardDescription className="break-all font-mono text-xs">{check.baseUrl}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted-foreground">Status</dt>
          <dd>{check.ok ? <Badge variant="success">Answering</Badge> : <Badge variant="destructive">Not answering</Badge>}</dd>
          <dt className="text-muted-foreground">Round trip</dt>
          <dd>{check.roundTripMs} ms</dd>
        </dl>
        {check.problem && <ErrorState explanation={check.problem} />}
      </CardContent>
    </Card>
  );
}

/** What the connection check found, host by host, and what kind of token the console runs on. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const token = tokenText[report.token.kind];
  const checkedAt = utc(report.checkedAt);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span>
          Checked at <time dateTime={new Date(report.checkedAt).toISOString()}>{checkedAt} UTC</time> against{" "}
          {report.mode === "emulator" ? "the bundled emulator" : `Sendbird application ${report.appId}`}.
        </span>
        <RetryButton label="Check again" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {report.hosts.map((check) => (
          <HostCard key={check.host} check={check} />
        ))}
        <Card>
          <CardHeader>
            <CardTitle>
              <h3 className="flex items-center gap-2">
                <KeyRound className="size-5" aria-hidden />
                API token
              </h3>
            </CardTitle>
            <CardDescription>
              Ending in <span className="font-mono">…{report.token.last4}</span>
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            <Badge variant={report.token.kind === "master" ? "success" : report.token.kind === "secondary" ? "secondary" : "destructive"}>{token.label}</Badge>
            <p>{token.detail}</p>
            {report.token.problem && <ErrorState explanation={report.token.problem} />}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
