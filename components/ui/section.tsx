import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * A titled card of a detail page (the title is an h2), with an optional description, header extras under it,
 * and an action (a button) at the header's end.
 */
export function Section({
  title,
  description,
  extra,
  action,
  children,
}: {
  title: string;
  description?: string;
  extra?: React.ReactNode;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
        {extra}
        {action && <CardAction>{action}</CardAction>}
      </CardHeader>
      <CardContent className="space-y-4">{children}</CardContent>
    </Card>
  );
}
