import { describe, expect, test } from "vitest";
import { imageTarget, resolveTarget, strictPolicy } from "./target";
import type { Resolver } from "./target";

/** A resolver that knows a few names, as a hostile DNS zone would answer them. */
const zone: Resolver = async (host) => {
  const answers: Record<string, string[]> = {
    "cdn.example.com": ["93.184.215.14"],
    "dual.example.com": ["93.184.215.14", "2606:4700::6810:84e5"],
    "loopback.example.com": ["127.0.0.1"],
    "metadata.example.com": ["169.254.169.254"],
    "mixed.example.com": ["93.184.215.14", "10.0.0.7"],
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "ula.example.com": ["fd00::1"],
  };
  const found = answers[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

const code = (run: () => unknown) => {
  try {
    run();
    return "accepted";
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe("the URLs the image proxy takes", () => {
  test.each([
    ["http://cdn.example.com/a.png", "image_url_refused"],
    ["ftp://cdn.example.com/a.png", "image_url_refused"],
    ["javascript:alert(1)", "image_url_refused"],
    ["data:image/png;base64,AAAA", "image_url_refused"],
    ["https://cdn.example.com:8443/a.png", "image_url_refused"],
    ["https://user:pw@cdn.example.com/a.png", "image_url_refused"],
    ["not a url", "image_url_refused"],
    ["https://127.0.0.1/a.png", "image_address_refused"],
    ["https://2130706433/a.png", "image_address_refused"],
    ["https://0x7f.1/a.png", "image_address_refused"],
    ["https://0177.0.0.1/a.png", "image_address_refused"],
    ["https://127.1/a.png", "image_address_refused"],
    ["https://%31%32%37.0.0.1/a.png", "image_address_refused"],
    ["https://10.0.0.1/a.png", "image_address_refused"],
    ["https://172.16.5.4/a.png", "image_address_refused"],
    ["https://192.168.0.10/a.png", "image_address_refused"],
    ["https://169.254.169.254/latest/meta-data/", "image_address_refused"],
    ["https://100.64.1.1/a.png", "image_address_refused"],
    ["https://0.0.0.0/a.png", "image_address_refused"],
    ["https://[::1]/a.png", "image_address_refused"],
    ["https://[fc00::1]/a.png", "image_address_refused"],
    ["https://[fe80::1]/a.png", "image_address_refused"],
    ["https://[::ffff:127.0.0.1]/a.png", "image_address_refused"],
    ["https://localhost/a.png", "image_address_refused"],
    ["https://localhost./a.png", "image_address_refused"],
    ["https://avatars.emulator.invalid/ada.png", "image_address_refused"],
    ["https://intranet/a.png", "image_address_refused"],
    ["https://cdn.example.com/a.png", "accepted"],
    ["https://cdn.example.com:443/a.png", "accepted"],
    ["https://93.184.215.14/a.png", "accepted"],
  ])("%s: %s", (url, expected) => {
    expect(code(() => imageTarget(url, strictPolicy))).toBe(expected);
  });
});

describe("the address the image proxy connects to", () => {
  const resolved = (host: string) => resolveTarget(new URL(`https://${host}/a.png`), strictPolicy, zone);

  test.each(["loopback.example.com", "metadata.example.com", "mixed.example.com", "mapped.example.com", "ula.example.com"])(
    "refuses %s, which resolves to an address that is not public",
    async (host) => {
      await expect(resolved(host)).rejects.toMatchObject({ code: "image_address_refused", status: 403 });
    },
  );

  test("connects to the first address of a name whose every address is public", async () => {
    expect(await resolved("dual.example.com")).toEqual({ address: "93.184.215.14", family: 4 });
  });

  test("says a name that does not resolve is unreachable", async () => {
    await expect(resolved("nowhere.example.com")).rejects.toMatchObject({ code: "image_unreachable", status: 502 });
  });
});
