import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import zlib from "node:zlib";
import { compression, negotiate } from "../../../server/http/compression.ts";

const big = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `item ${i}` })) });

function app() {
  const app = new Hono();
  app.use("*", compression());
  app.get("/json", (c) => c.json(JSON.parse(big)));
  app.get("/small", (c) => c.json({ ok: true }));
  app.get("/events", () => new Response(`data: ${"x".repeat(4000)}\n\n`, { headers: { "Content-Type": "text/event-stream" } }));
  app.get("/image", () => new Response(new Uint8Array(4000), { headers: { "Content-Type": "image/png" } }));
  return app;
}

const get = (path: string, encoding: string) => app().request(path, { headers: { "Accept-Encoding": encoding } });

describe("compression", () => {
  it("prefers brotli, falls back to gzip, and honours q=0", () => {
    expect(negotiate("gzip, deflate, br")).toBe("br");
    expect(negotiate("br;q=0, gzip")).toBe("gzip");
    expect(negotiate("*")).toBe("br");
    expect(negotiate("identity")).toBeNull();
    expect(negotiate(undefined)).toBeNull();
  });

  it("compresses JSON so that it reads back the same", async () => {
    const response = await get("/json", "br");
    expect(response.headers.get("Content-Encoding")).toBe("br");
    expect(response.headers.get("Vary")).toBe("Accept-Encoding");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(zlib.brotliDecompressSync(bytes).toString()).toBe(big);
    expect(bytes.length * 5).toBeLessThan(big.length);
  });

  it("never compresses an event stream, which must flow as it is written", async () => {
    const response = await get("/events", "br, gzip");
    expect(response.headers.get("Content-Encoding")).toBeNull();
    expect(await response.text()).toMatch(/^data: x+\n\n$/);
  });

  it("leaves small bodies and binary types alone", async () => {
    const small = await get("/small", "br");
    expect(small.headers.get("Content-Encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    expect((await get("/image", "br")).headers.get("Content-Encoding")).toBeNull();
  });
});
