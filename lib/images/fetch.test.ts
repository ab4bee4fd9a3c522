import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchImage, sniffImage } from "./fetch";
import type { FetchImageOptions } from "./fetch";
import { serveImage } from "./serve";
import { imageLinkKey, imageQuerySchema, signedImagePath } from "./signing";
import { strictPolicy } from "./target";
import type { ImagePolicy } from "./target";

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(56, 7)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** What each path of the test image host answers. */
const routes: Record<string, (res: ServerResponse) => void> = {
  "/ada.png": (res) => res.writeHead(200, { "content-type": "image/png" }).end(png),
  "/labelled-png.jpg": (res) => res.writeHead(200, { "content-type": "image/png; charset=binary" }).end(jpeg),
  "/script.svg": (res) => res.writeHead(200, { "content-type": "image/svg+xml" }).end(svg),
  "/page.html": (res) => res.writeHead(200, { "content-type": "text/html" }).end("<script>alert(1)</script>"),
  "/html-as.png": (res) => res.writeHead(200, { "content-type": "image/png" }).end("<html><script>alert(1)</script></html>"),
  "/declared-big.png": (res) => res.writeHead(200, { "content-type": "image/png", "content-length": String(5_000_000) }).end(),
  "/streamed-big.png": (res) => {
    res.writeHead(200, { "content-type": "image/png" });
    const chunk = Buffer.alloc(64 * 1024);
    let sent = 0;
    const more = () => {
      while (sent < 5_000_000 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", more);
      }
      res.end();
    };
    res.write(png);
    more();
  },
  "/missing.png": (res) => res.writeHead(404).end(),
  "/hop": (res) => res.writeHead(302, { location: "/ada.png" }).end(),
  "/loop": (res) => res.writeHead(302, { location: "/loop" }).end(),
  "/to-private": (res) => res.writeHead(301, { location: `http://10.0.0.1:${port}/ada.png` }).end(),
  "/to-named-loopback": (res) => res.writeHead(307, { location: `http://loopback.example.com:${port}/ada.png` }).end(),
  "/slow.png": () => undefined,
};

let server: Server;
let origin = "";
let port = "";
const seen: IncomingHttpHeaders[] = [];

/** Reaches the test host on loopback and nothing else: the one widening a test needs, the default staying strict. */
const local = (): ImagePolicy => ({ schemes: ["http:"], ports: [port], allowsAddress: (address) => address === "127.0.0.1" });
const options = (): FetchImageOptions => ({ policy: local(), resolve: async () => [{ address: "127.0.0.1", family: 4 }] });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = String((server.address() as AddressInfo).port);
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetching a third-party image", () => {
  test("brings the bytes and their type, and tells the host nothing about who asked", async () => {
    seen.length = 0;
    expect(await fetchImage(`${origin}/ada.png`, options())).toEqual({ type: "image/png", body: png });
    const [headers] = seen;
    expect(Object.keys(headers ?? {}).sort()).toEqual(["accept", "accept-encoding", "connection", "host", "user-agent"]);
    expect(headers?.["user-agent"]).toBe("Showrunner image proxy");
  });

  test("connects to the address it checked, asking the resolver once, so a name cannot rebind between check and connection", async () => {
    seen.length = 0;
    const answers = ["127.0.0.1", "10.0.0.1"];
    let asked = 0;
    const rebinding: FetchImageOptions["resolve"] = async () => [{ address: answers[asked++] ?? "10.0.0.1", family: 4 }];
    expect((await fetchImage(`http://rebind.example:${port}/ada.png`, { policy: local(), resolve: rebinding })).body).toEqual(png);
    expect(asked).toBe(1);
    expect(seen[0]?.host).toBe(`rebind.example:${port}`);
  });

  test("answers the type the bytes are, not the one the host declared", async () => {
    expect((await fetchImage(`${origin}/labelled-png.jpg`, options())).type).toBe("image/jpeg");
  });

  test("follows a redirect, checking where it goes", async () => {
    expect((await fetchImage(`${origin}/hop`, options())).body).toEqual(png);
  });

  test.each([
    ["/script.svg", "image_type_refused", "SVG, which can carry script"],
    ["/page.html", "image_type_refused", "a page"],
    ["/html-as.png", "image_type_refused", "a page labelled as a PNG"],
    ["/declared-big.png", "image_too_large", "an image declared over the cap"],
    ["/streamed-big.png", "image_too_large", "an image that grows over the cap as it streams"],
    ["/missing.png", "image_unreachable", "a 404"],
    ["/loop", "image_unreachable", "endless redirects"],
    ["/to-private", "image_address_refused", "a redirect to a private address"],
    ["/to-named-loopback", "image_address_refused", "a redirect to a name that resolves somewhere refused"],
  ])("refuses %s with %s (%s)", async (path, code) => {
    const resolve: FetchImageOptions["resolve"] = async (host) => [{ address: host === "loopback.example.com" ? "127.0.0.2" : "127.0.0.1", family: 4 }];
    await expect(fetchImage(`${origin}${path}`, { ...options(), resolve })).rejects.toMatchObject({ code });
  });

  test("gives up on a host that does not answer in time", async () => {
    const started = Date.now();
    await expect(fetchImage(`${origin}/slow.png`, { ...options(), timeoutMs: 300 })).rejects.toMatchObject({ code: "image_timeout", status: 504 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("by default refuses this very host: plain http, and on loopback", async () => {
    await expect(fetchImage(`${origin}/ada.png`)).rejects.toMatchObject({ code: "image_url_refused" });
    const httpsOnly = { ...strictPolicy, schemes: ["http:"], ports: [port] };
    await expect(fetchImage(`${origin}/ada.png`, { policy: httpsOnly })).rejects.toMatchObject({ code: "image_address_refused", status: 403 });
  });

  test("recognises each allowed type by its first bytes", () => {
    expect(sniffImage(png)).toBe("image/png");
    expect(sniffImage(jpeg)).toBe("image/jpeg");
    expect(sniffImage(Buffer.from("GIF89a......"))).toBe("image/gif");
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImage(Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from("ftypavif\0\0\0\0mif1avif")]))).toBe("image/avif");
    expect(sniffImage(svg)).toBeNull();
  });
});

describe("serving a signed image link", () => {
  const key = imageLinkKey("a-session-secret-a-session-secret-32");
  const now = Date.now();
  const queryOf = (url: string) => imageQuerySchema.parse(Object.fromEntries(new URL(signedImagePath(url, key, now), "http://console").searchParams));

  test("answers the image with its type, no sniffing, nothing that runs, and a private cache until the link expires", async () => {
    const response = await serveImage(queryOf(`${origin}/ada.png`), { key, nowMs: now, ...options() });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "content-security-policy": expect.stringMatching(/^default-src 'none'/),
      "cache-control": expect.stringMatching(/^private, max-age=\d+$/),
    });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("answers an image that cannot be had with no content and the reason, so the page falls back quietly", async () => {
    const response = await serveImage(queryOf(`${origin}/script.svg`), { key, nowMs: now, ...options() });
    expect(response.status).toBe(204);
    expect(response.headers.get("x-image-unavailable")).toBe("image_type_refused");
    expect(response.headers.get("cache-control")).toBe("private, max-age=60");
    expect(await response.text()).toBe("");
  });

  test("refuses a tampered link without fetching anything", async () => {
    seen.length = 0;
    const query = queryOf(`${origin}/ada.png`);
    await expect(serveImage({ ...query, u: `${origin}/script.svg` }, { key, nowMs: now, ...options() })).rejects.toMatchObject({
      code: "image_link_invalid",
      status: 403,
    });
    expect(seen).toHaveLength(0);
  });

  test("refuses an expired link", async () => {
    const query = queryOf(`${origin}/ada.png`);
    await expect(serveImage(query, { key, nowMs: query.exp * 1000, ...options() })).rejects.toMatchObject({ code: "image_link_expired", status: 410 });
  });
});
