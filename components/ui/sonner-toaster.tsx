"use client";

import * as React from "react";
import { CircleCheckIcon, InfoIcon, Loader2Icon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";
import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";
import type { ToasterProps } from "sonner";

// Sonner reads these custom properties to paint toasts with the theme's popover colours.
const themeStyle: React.CSSProperties & Record<`--${string}`, string> = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--border-radius": "var(--radius)",
};

/** Sonner's toaster in the theme's colours; `onReady` runs once it listens for toasts. */
export function SonnerToaster({ onReady, ...props }: ToasterProps & { onReady: () => void }) {
  const { resolvedTheme } = useTheme();
  // resolvedTheme is undefined before hydration; "system" lets Sonner follow the OS until then.
  const theme = resolvedTheme === "light" || resolvedTheme === "dark" ? resolvedTheme : "system";
  // Sonner subscribes in its own effect, which runs before this one: from here on a toast is shown.
  React.useEffect(onReady, [onReady]);

  return (
    <Sonner
      theme={theme}
      className="toaster group"
      style={themeStyle}
      icons={{
        success: <CircleCheckIcon aria-hidden="true" className="size-4 text-success" />,
        info: <InfoIcon aria-hidden="true" className="size-4" />,
        warning: <TriangleAlertIcon aria-hidden="true" className="size-4 text-warning" />,
        error: <OctagonXIcon aria-hidden="true" className="size-4 text-destructive" />,
        loading: <Loader2Icon aria-hidden="true" className="size-4 animate-spin" />,
      }}
      {...props}
    />
  );
}
