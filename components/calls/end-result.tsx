import { Badge } from "@/components/ui/badge";
import { endResultText } from "@/lib/calls/end-results";

/** An end result in plain words with the dashboard's label beside it; a bad end stands out. */
export function EndResult({ result }: { result: string | null }) {
  const text = endResultText(result);
  return (
    <>
      <span>{text.plain}</span>{" "}
      <Badge variant={text.bad ? "destructive" : "outline"} title="Sendbird dashboard's label">
        {text.dashboard}
      </Badge>
    </>
  );
}
