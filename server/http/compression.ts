import type { MiddlewareHandler } from "hono";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** Text worth compressing: HTML, scripts, styles, JSON, SVG. Never an event stream, which must flow as written. */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/i;
/** Below this, the headers cost more than compression saves. */
export const MIN_BYTES = 512;
const LARGE_BYTES = 256 * 1024;
/** Bodies up to this size are read whole and compressed in one call; a larger one is streamed. */
const BUFFER_LIMIT = 32 * 1024 * 1024;

type Encoding = "br" | "gzip";

/** The best encoding the client accepts (q=0 refuses one); brotli before gzip. */
export function negotiate(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return allows("br") ? "br" : allows("gzip") ? "gzip" : null;
}

/** Past this, or while the size is unknown, speed matters more than the last few percent. */
function options(encoding: Encoding, size: number): zlib.ZlibOptions | zlib.BrotliOptions {
  const isLarge = !(size <= LARGE_BYTES);
  // Work in large pieces: the default 16 KB means hundreds of round trips to the thread pool for 11 MB.
  const chunkSize = 256 * 1024;
  if (encoding === "gzip") return { level: isLarge ? 1 : 6, chunkSize };
  return {
    chunkSize,
    params: {
      // Quality 1 compresses a 10,000-task list (11 MB) about 7× in ~25 ms; 5 squeezes small bodies harder.
      [zlib.constants.BROTLI_PARAM_QUALITY]: isLarge ? 1 : 5,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      ...(Number.isFinite(size) ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } : {}),
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** One buffer over the chunks, without a copy when there is one chunk (a handler's whole body). */
function joined(chunks: Uint8Array[]): Buffer {
  const [only] = chunks;
  return chunks.length === 1 && only ? Buffer.from(only.buffer, only.byteOffset, only.byteLength) : Buffer.concat(chunks);
}

/** Reads up to `limit` bytes: the whole body when it is that short (`rest` null), else what came so far and the rest. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<{ head: Buffer; rest: Readable | null }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) return { head: joined(chunks), rest: null };
    chunks.push(next.value);
    size += next.value.length;
    if (size > limit) break;
  }
  async function* remaining() {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  }
  return { head: joined(chunks), rest: Readable.from(remaining()) };
}

/**
 * Compresses responses on the way out, negotiated with Accept-Encoding. A body (API answers are written
 * whole) is compressed in one go on the thread pool; one past 32 MB is streamed instead. Responses that are
 * already encoded (precompressed assets) pass as they are.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    const type = response.headers.get("Content-Type") ?? "";
    if (!response.body || !COMPRESSIBLE.test(type) || response.headers.has("Content-Encoding")) return;
    response.headers.append("Vary", "Accept-Encoding");
    const encoding = negotiate(c.req.header("Accept-Encoding"));
    const declared = Number(response.headers.get("Content-Length") ?? Number.NaN);
    if (encoding === null || declared < MIN_BYTES || c.req.method === "HEAD") return;
    const { head, rest } = await readUpTo(response.body, BUFFER_LIMIT);
    const init = { status: response.status, statusText: response.statusText, headers: response.headers };
    if (rest === null && head.length < MIN_BYTES) {
      c.res = new Response(head as Uint8Array<ArrayBuffer>, init);
      return;
    }
    // Hono's response setter keeps the old headers, so they are changed in place.
    response.headers.set("Content-Encoding", encoding);
    response.headers.delete("Content-Length");
    if (rest === null) {
      const compressed =
        encoding === "br" ? await brotli(head, options(encoding, head.length)) : await gzip(head, options(encoding, head.length));
      response.headers.set("Content-Length", String(compressed.length));
      c.res = new Response(compressed as Uint8Array<ArrayBuffer>, init);
      return;
    }
    const whole = Readable.from(
      (async function* () {
        yield head;
        yield* rest;
      })(),
    );
    const stream = whole.pipe(
      encoding === "br" ? zlib.createBrotliCompress(options(encoding, Number.NaN)) : zlib.createGzip(options(encoding, Number.NaN)),
    );
    c.res = new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, init);
  };
}
