import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/utils";

/** A turning icon for work under way. Hidden from screen readers: the control it sits in says `aria-busy`. */
function Spinner({ className, ...props }: React.ComponentProps<"svg">) {
  return <Loader2Icon data-slot="spinner" aria-hidden="true" className={cn("animate-spin", className)} {...props} />;
}

export { Spinner };
