import { describe, expect, test } from "vitest";
import { createClock } from "@/lib/emulator/clock";
import { seedSizes, seedWorld } from "@/lib/emulator/seed/seed";
import { Store } from "@/lib/emulator/store/store";
import { proxiedImageSrc } from "./server";
import { imageLinkKey, imageQuerySchema, verifyImageLink } from "./signing";

const secret = "image-links-test-secret-image-links-test";
process.env.NEXTAUTH_SECRET = secret;

describe("the src the console renders for a third-party image", () => {
  test("is a signed same-origin link for an https image", () => {
    const now = Date.now();
    const src = proxiedImageSrc("https://cdn.example.com/ada.png", now);
    expect(src).toMatch(/^\/api\/images\?/);
    const query = imageQuerySchema.parse(Object.fromEntries(new URL(src ?? "", "http://console").searchParams));
    expect(query.u).toBe("https://cdn.example.com/ada.png");
    expect(verifyImageLink(query, imageLinkKey(secret), now)).toBe("ok");
  });

  test.each([
    ["no URL", ""],
    ["plain http", "http://cdn.example.com/ada.png"],
    ["a loopback address", "https://127.0.0.1/ada.png"],
    ["localhost", "https://localhost/ada.png"],
    ["IPv6 loopback", "https://[::1]/a.png"],
    ["a script", "javascript:alert(1)"],
    ["a URL too long to carry", `https://cdn.example.com/${"a".repeat(4096)}`],
  ])("is none for %s, which the proxy would refuse: the page shows the initial without asking", (_, url) => {
    expect(proxiedImageSrc(url)).toBeNull();
  });

  test("is none for every avatar of the emulator's demo world, whose host is reserved never to resolve", () => {
    const store = new Store(createClock(), "master", "test");
    seedWorld(store, 1, seedSizes.small);
    const urls = [...store.users.values()].map((u) => u.profile_url).filter(Boolean);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(proxiedImageSrc(url)).toBeNull();
  });
});
