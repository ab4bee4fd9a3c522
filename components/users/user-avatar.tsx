"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

const sizes = { sm: "size-8 text-xs", lg: "size-14 text-xl" } as const;

/**
 * A user's avatar, from a same-origin image-proxy link made on the server (`proxiedImageSrc`), or their
 * initial when there is no link or the image does not load.
 */
export function UserAvatar({ src, name, size }: { src: string | null; name: string; size: keyof typeof sizes }) {
  const [failed, setFailed] = useState<string | null>(null);
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    // An image that failed before hydration fired its error event before React was listening.
    const img = image.current;
    if (img?.complete && img.naturalWidth === 0) setFailed(img.getAttribute("src"));
  }, [src]);
  if (!src || failed === src) {
    return (
      <span
        aria-hidden
        data-slot="avatar-fallback"
        className={cn("flex shrink-0 items-center justify-center rounded-full border bg-muted font-semibold", sizes[size])}
      >
        {name.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a session-gated proxy link, which the image optimizer would fetch without the session
    <img
      ref={image}
      src={src}
      alt=""
      data-slot="avatar"
      onError={() => setFailed(src)}
      className={cn("shrink-0 rounded-full border object-cover", sizes[size])}
      loading="lazy"
    />
  );
}
