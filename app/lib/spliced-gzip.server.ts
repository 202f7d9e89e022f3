import zlib from "node:zlib";
import Negotiator from "negotiator";

// Deflate refers back at most 32 KB.
const WINDOW = 32 * 1024;
// The level for the text made per request. On module 4's page (124 KB, 47 KB of it fresh), level 4
// took 0.60 ms for 25.9 KB, 5 took 0.85 ms for 25.5 KB, 6 took 1.26 ms for 25.2 KB; the whole page
// compressed per request at 5 took 1.87 ms for 25.2 KB (a microbenchmark on this 2-core machine).
const FRESH_LEVEL = 4;
// How far back fresh text may refer: the end of a module page (12 KB) came to 3,480 bytes with 32 KB
// in 114 µs, 3,591 with 8 KB in 76 µs, 3,935 with none in 64 µs (level 4).
const FRESH_DICTIONARY = 8 * 1024;
// Fresh text up to this long is stored, not compressed.
const STORED_MAX = 256;

/**
 * Bytes compressed once, as raw deflate blocks that end on a byte boundary
 * and refer to nothing before them, except to `dictionary`: the bytes that
 * come just before them in every page they are copied into.
 */
export class PrecompressedStretch {
  readonly bytes: Buffer;
  readonly deflated: Buffer;
  constructor(
    readonly text: string,
    dictionary?: string,
  ) {
    this.bytes = Buffer.from(text);
    const dict = dictionary ? Buffer.from(dictionary) : undefined;
    this.deflated = zlib.deflateRawSync(this.bytes, {
      level: 9,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      ...(dict?.length ? { dictionary: dict.subarray(Math.max(0, dict.length - WINDOW)) } : {}),
    });
  }
}

/**
 * A stretch that is the same for every reader, compressed once alone, and
 * once with each of the few short texts that can lead into it (a section's
 * "Mark as read" form, or its read mark). With a lead, it refers back into
 * the text before the lead, which is the same for every reader too, so it
 * compresses as well as it would inside the whole page.
 */
export class SharedStretch {
  private alone: PrecompressedStretch | null = null;
  private readonly led = new Map<string, PrecompressedStretch>();
  constructor(readonly text: string) {}

  /**
   * `lead` and this stretch, compressed once, referring back into `before()`:
   * what every page has just before the lead. `null` past a few leads.
   */
  compressedWithLead(lead: string, before: () => string): PrecompressedStretch | null {
    let stretch = this.led.get(lead);
    if (!stretch) {
      if (this.led.size >= SharedStretch.LEADS) return null;
      stretch = new PrecompressedStretch(lead + this.text, before());
      this.led.set(lead, stretch);
    }
    return stretch;
  }

  /** The copy that refers to nothing before it. */
  compressed(): PrecompressedStretch {
    return (this.alone ??= new PrecompressedStretch(this.text));
  }

  static readonly LEADS = 4;
}

/**
 * Text that is one of a few variants for every reader (a knowledge check before
 * an attempt, or after the same answers), compressed once per variant after it
 * has been seen twice; `null` until then, and for variants past the most
 * recent few, which are compressed with the request.
 */
export class CompressedVariants {
  private readonly variants = new Map<string, PrecompressedStretch | null>();
  constructor(private readonly limit = 8) {}

  get(text: string, dictionary?: string): PrecompressedStretch | null {
    let variant = this.variants.get(text);
    if (variant === undefined) {
      variant = null; // first sight: remembered, not compressed yet
    } else {
      this.variants.delete(text); // most recently used last
      variant ??= new PrecompressedStretch(text, dictionary);
    }
    this.variants.set(text, variant);
    if (this.variants.size > this.limit) this.variants.delete(this.variants.keys().next().value!);
    return variant;
  }
}

/** A page in stretches: text made for this request, and stretches compressed once. */
export type Stretch = string | Buffer | PrecompressedStretch;

// gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS (RFC 1952).
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// An empty final block with fixed codes: ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * One gzip member from the stretches, in order: what was made for this
 * request is compressed now (a few kilobytes), the precompressed stretches
 * are copied as they are. The cost of compressing a page then follows the
 * reader's part of it, not its whole length.
 */
export function splicedGzip(stretches: Stretch[], level = FRESH_LEVEL): Buffer<ArrayBuffer> {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  let fresh: Buffer[] = [];
  // The page's last bytes so far: fresh text may refer back into them, as it would in the whole page.
  const recent: Buffer[] = [];
  let recentLength = 0;
  const remember = (bytes: Buffer) => {
    recent.push(bytes);
    recentLength += bytes.length;
    while (recent.length > 1 && recentLength - recent[0].length >= FRESH_DICTIONARY) recentLength -= recent.shift()!.length;
  };
  const flushFresh = () => {
    const bytes = fresh.length === 1 ? fresh[0] : Buffer.concat(fresh);
    fresh = [];
    if (bytes.length === 0) return;
    crc = zlib.crc32(bytes, crc);
    length += bytes.length;
    if (bytes.length <= STORED_MAX) {
      // A few bytes (a section's read mark): stored as they are, which costs less than compressing them.
      out.push(storedBlock(bytes));
    } else {
      const before = recent.length === 0 ? undefined : recent.length === 1 ? recent[0] : Buffer.concat(recent);
      out.push(
        zlib.deflateRawSync(bytes, {
          level,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
          ...(before ? { dictionary: before.subarray(Math.max(0, before.length - FRESH_DICTIONARY)) } : {}),
        }),
      );
    }
    remember(bytes);
  };
  for (const stretch of stretches) {
    if (stretch instanceof PrecompressedStretch) {
      if (fresh.length) flushFresh();
      crc = zlib.crc32(stretch.bytes, crc);
      length += stretch.bytes.length;
      out.push(stretch.deflated);
      remember(stretch.bytes);
    } else {
      fresh.push(typeof stretch === "string" ? Buffer.from(stretch) : stretch);
    }
  }
  if (fresh.length) flushFresh();
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}

/** A stored (uncompressed) deflate block, not the last one; it starts and ends on a byte boundary (RFC 1951, 3.2.4). */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block[0] = 0; // not final, stored, then the bits up to the byte boundary
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

/** The same stretches, uncompressed. */
export function joinStretches(stretches: Stretch[]): Buffer<ArrayBuffer> {
  return Buffer.concat(stretches.map((s) => (s instanceof PrecompressedStretch ? s.bytes : typeof s === "string" ? Buffer.from(s) : s)));
}

/** The text of the stretches. */
export function stretchesText(stretches: Stretch[]): string {
  return stretches.map((s) => (s instanceof PrecompressedStretch ? s.text : typeof s === "string" ? s : s.toString("utf8"))).join("");
}

/** Whether the request takes gzip (Accept-Encoding, with its q-values). */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get("accept-encoding");
  return header !== null && new Negotiator({ headers: { "accept-encoding": header } }).encoding(["gzip"]) === "gzip";
}

/**
 * The bytes of a response made of stretches: spliced gzip where the request
 * takes it (the headers then say so, and compression middleware leaves it
 * alone), else the plain text.
 */
export function stretchesBody(request: Request, stretches: Stretch[], headers: Headers): Buffer<ArrayBuffer> {
  headers.append("Vary", "Accept-Encoding");
  const gzip = acceptsGzip(request);
  const bytes = gzip ? splicedGzip(stretches) : joinStretches(stretches);
  if (gzip) headers.set("Content-Encoding", "gzip");
  headers.set("Content-Length", String(bytes.length));
  return bytes;
}
