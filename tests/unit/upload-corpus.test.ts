// A corpus of hostile uploads, each sent through what the assignment route
// calls (`readAssignmentForm` where the multipart reader matters, else
// `attachFiles` with the raw name an attacker can send) for a real draft.
// Each file is refused with a key the form shows, or stored safely: a random
// name under DATA_DIR/uploads, a cleaned display name, the type told by the
// content, and served by the download route only as a sandboxed attachment.
// All fixtures are built here in code; nothing binary is committed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "#db/schema";
import { createSession } from "~/domain/accounts/sessions.server";
import { attachFiles, MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT, type Upload } from "~/domain/assignments/files.server";
import { MAX_BYTES_PER_FELLOW } from "~/domain/assignments/limits";
import { readAssignmentForm } from "~/domain/assignments/upload-form.server";
import { getDb } from "~/lib/db.server";
import { getEnv, resetEnvCache } from "~/lib/env.server";
import en from "~/locales/en.json";
import { loader as downloadLoader } from "~/routes/submissions.$submissionId.files.$fileId";
import { securityHeaders } from "../../server/security.js";
import { TMP_DIR } from "../setup/paths";

const FELLOW = "demo-fellow-4";
const MIME = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  jpg: "image/jpeg",
  png: "image/png",
} as const;
const MiB = 1024 * 1024;

// ── Fixtures, built in code ─────────────────────────────────────────────────

const text = (s: string) => Buffer.from(s, "utf8");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
/** A PDF of exactly `size` bytes: the small one above, padded with PDF whitespace after %%EOF. */
const pdfOfSize = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x0a)]);
const HTML = text("<!DOCTYPE html><html><body><script>fetch('/account',{credentials:'include'})</script></body></html>");

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A real 1×1 grey PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])), // 1×1, 8-bit greyscale
  pngChunk("IDAT", zlib.deflateSync(Buffer.from([0, 0x80]))), // filter 0, one grey pixel
  pngChunk("IEND", Buffer.alloc(0)),
]);

/**
 * A real baseline JPEG of one grey pixel: one quantisation table of ones, one
 * Huffman table each for DC (category 0) and AC (end of block), and the
 * scan's two bits `00` padded with ones.
 */
const JPEG = Buffer.from([
  0xff, 0xd8, // SOI
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // APP0 JFIF
  0xff, 0xdb, 0x00, 0x43, 0x00, ...Array<number>(64).fill(1), // DQT
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, // SOF0: 1×1, one component
  0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...Array<number>(15).fill(0), 0x00, // DHT DC0: one code, symbol 0
  0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...Array<number>(15).fill(0), 0x00, // DHT AC0: one code, EOB
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, // SOS
  0x3f, // DC diff 0, EOB, padding
  0xff, 0xd9, // EOI
]);

type ZipEntry = { name: string; method: 0 | 8; data: Buffer; crc: number; size: number };
const stored = (name: string, data: Buffer): ZipEntry => ({ name, method: 0, data, crc: zlib.crc32(data), size: data.length });
const deflated = (name: string, data: Buffer): ZipEntry => ({
  name,
  method: 8,
  data: zlib.deflateRawSync(data, { level: 9 }),
  crc: zlib.crc32(data),
  size: data.length,
});

/** A plain ZIP: local headers with sizes, a central directory, no data descriptors. */
function zip(entries: ZipEntry[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0x0021, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_PARTS = [
  deflated(
    "[Content_Types].xml",
    text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  ),
  deflated(
    "_rels/.rels",
    text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  ),
  deflated(
    "word/document.xml",
    text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Case notes</w:t></w:r></w:p></w:body></w:document>',
    ),
  ),
];
const DOCX = zip(DOCX_PARTS);
const ODT = zip([
  stored("mimetype", text("application/vnd.oasis.opendocument.text")),
  deflated("content.xml", text('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')),
]);
/** A macro-enabled Word document (DOCM): its content types say so, whatever its name. */
const DOCM = zip([
  deflated(
    "[Content_Types].xml",
    text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    ),
  ),
  DOCX_PARTS[2],
  deflated("word/vbaProject.bin", text("Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nShell \"calc.exe\"\nEnd Sub\n")),
]);
/** 50 MB of zeros deflate to about 50 KB: a ratio of ~1000:1. */
const BOMB_SIZE = 50 * MiB;
const BOMB = deflated("word/media/bomb.bin", Buffer.alloc(BOMB_SIZE));
const DOCX_BOMB = zip([...DOCX_PARTS, BOMB]);
/** The bomb as [Content_Types].xml itself, its header claiming 1 KB: the one entry detection inflates. */
const CONTENT_TYPES_BOMB = zip([{ ...BOMB, name: "[Content_Types].xml", size: 1024 }, DOCX_PARTS[2]]);

/** A Windows executable's start: MZ header pointing at a PE signature. */
const EXE = Buffer.alloc(512);
EXE.write("MZ", 0, "latin1");
EXE.writeUInt32LE(0x80, 0x3c);
EXE.write("PE\0\0", 0x80, "latin1");
EXE.writeUInt16LE(0x14c, 0x84); // i386
/** A 64-bit little-endian Linux ELF header. */
const ELF = Buffer.alloc(256);
Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(ELF);
ELF.writeUInt16LE(2, 16); // executable
ELF.writeUInt16LE(0x3e, 18); // x86-64

// ── The corpus ──────────────────────────────────────────────────────────────

type Outcome = { refused: string } | { stored: string; name: string };
type Case = {
  id: string;
  what: string;
  files: Array<{ name: string; bytes: Buffer }>;
  expected: Outcome[];
  /** Sent as a real multipart request through readAssignmentForm, as the route does. */
  viaForm?: boolean;
};
const refused = (key: string): Outcome => ({ refused: key });
const storedAs = (mime: string, name: string): Outcome => ({ stored: mime, name });

const CASES: Case[] = [
  { id: "01", what: "HTML named .pdf", files: [{ name: "report.pdf", bytes: HTML }], expected: [refused("files.wrongType")] },
  {
    id: "02",
    what: "SVG with <script>",
    files: [{ name: "chart.svg", bytes: text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>') }],
    expected: [refused("files.wrongType")],
  },
  {
    id: "03",
    what: "SVG named .png",
    files: [{ name: "photo.png", bytes: text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>') }],
    expected: [refused("files.wrongType")],
  },
  {
    id: "04",
    what: "PDF/HTML polyglot (kept as a PDF, served only as a sandboxed download)",
    files: [{ name: "polyglot.pdf", bytes: text("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n") }],
    expected: [storedAs(MIME.pdf, "polyglot.pdf")],
  },
  {
    id: "05",
    what: "HTML with a UTF-8 BOM",
    files: [{ name: "page.pdf", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), HTML]) }],
    expected: [refused("files.wrongType")],
  },
  {
    id: "06",
    what: "JavaScript named .docx",
    files: [{ name: "essay.docx", bytes: text("require('child_process').exec('rm -rf ~');\nalert(1);\n") }],
    expected: [refused("files.wrongType")],
  },
  {
    id: "07",
    what: "DOCX with a 50 MB zero-filled entry (~1000:1); detection does not inflate it",
    files: [{ name: "bomb.docx", bytes: DOCX_BOMB }],
    expected: [storedAs(MIME.docx, "bomb.docx")],
  },
  { id: "08", what: "empty file", files: [{ name: "empty.pdf", bytes: Buffer.alloc(0) }], expected: [refused("files.empty")] },
  {
    id: "09",
    what: "exactly 10 MB, through the multipart reader",
    files: [{ name: "ten.pdf", bytes: pdfOfSize(MAX_FILE_BYTES) }],
    expected: [storedAs(MIME.pdf, "ten.pdf")],
    viaForm: true,
  },
  {
    id: "10",
    what: "10 MB + 1 byte, through the multipart reader",
    files: [{ name: "ten-plus-one.pdf", bytes: pdfOfSize(MAX_FILE_BYTES + 1) }],
    expected: [refused("files.tooLarge")],
    viaForm: true,
  },
  { id: "11", what: "Unix path climbing", files: [{ name: "../../etc/passwd", bytes: PDF }], expected: [storedAs(MIME.pdf, "passwd.pdf")] },
  {
    id: "12",
    what: "Windows path climbing",
    files: [{ name: "..\\..\\windows\\win.ini", bytes: PDF }],
    expected: [storedAs(MIME.pdf, "win.pdf")],
  },
  { id: "13", what: "NUL byte in the name", files: [{ name: "evil.pdf\u0000.html", bytes: PDF }], expected: [storedAs(MIME.pdf, "evil.pdf.pdf")] },
  {
    id: "14",
    what: "right-to-left override",
    files: [{ name: "invoice\u202Efdp.exe", bytes: PDF }],
    expected: [storedAs(MIME.pdf, "invoicefdp.pdf")],
  },
  {
    id: "15",
    what: "Windows reserved names",
    files: [
      { name: "CON.pdf", bytes: PDF },
      { name: "nul.docx", bytes: DOCX },
      { name: "COM1.jpg", bytes: JPEG },
    ],
    expected: [storedAs(MIME.pdf, "attachment.pdf"), storedAs(MIME.docx, "attachment.docx"), storedAs(MIME.jpg, "attachment.jpg")],
  },
  {
    id: "16",
    what: "300-character name",
    files: [{ name: `${"a".repeat(296)}.pdf`, bytes: PDF }],
    expected: [storedAs(MIME.pdf, `${"a".repeat(80)}.pdf`)],
  },
  { id: "17", what: "name of only dots", files: [{ name: "...", bytes: PDF }], expected: [storedAs(MIME.pdf, "attachment.pdf")] },
  {
    id: "18",
    what: "CR/LF header injection in the name",
    files: [{ name: "a\r\nSet-Cookie: x=1.pdf", bytes: PDF }],
    expected: [storedAs(MIME.pdf, "aSet-Cookie: x=1.pdf")],
  },
  {
    id: "19",
    what: "quotes and semicolons in the name",
    files: [{ name: 'a";filename=evil.html.pdf', bytes: PDF }],
    expected: [storedAs(MIME.pdf, 'a";filename=evil.html.pdf')],
  },
  { id: "20", what: "EXE (MZ/PE) named .pdf", files: [{ name: "scan.pdf", bytes: EXE }], expected: [refused("files.wrongType")] },
  { id: "21", what: "ELF binary named .jpg", files: [{ name: "photo.jpg", bytes: ELF }], expected: [refused("files.wrongType")] },
  { id: "22", what: "real PNG", files: [{ name: "pixel.png", bytes: PNG }], expected: [storedAs(MIME.png, "pixel.png")] },
  { id: "23", what: "real JPEG (.jpeg becomes .jpg)", files: [{ name: "photo.jpeg", bytes: JPEG }], expected: [storedAs(MIME.jpg, "photo.jpg")] },
  { id: "24", what: "real minimal DOCX", files: [{ name: "essay.docx", bytes: DOCX }], expected: [storedAs(MIME.docx, "essay.docx")] },
  {
    id: "25",
    what: "GIF/JS polyglot",
    files: [{ name: "anim.gif", bytes: Buffer.concat([text("GIF89a/*"), Buffer.from([1, 0, 1, 0, 0, 0, 0]), text("*/=alert(1);")]) }],
    expected: [refused("files.wrongType")],
  },
  { id: "26", what: "HTML named .PDF (upper case)", files: [{ name: "REPORT.PDF", bytes: HTML }], expected: [refused("files.wrongType")] },
  {
    id: "27",
    what: "Georgian and Armenian names survive intact",
    files: [
      { name: "ანგარიში.pdf", bytes: PDF },
      { name: "հաշվետվություն.docx", bytes: DOCX },
    ],
    expected: [storedAs(MIME.pdf, "ანგარიში.pdf"), storedAs(MIME.docx, "հաշվետվություն.docx")],
  },
  {
    id: "28",
    what: "six files in one attempt, through the multipart reader",
    files: Array.from({ length: MAX_FILES_PER_ATTEMPT + 1 }, (_, i) => ({ name: `part-${i + 1}.pdf`, bytes: PDF })),
    expected: [
      ...Array.from({ length: MAX_FILES_PER_ATTEMPT }, (_, i) => storedAs(MIME.pdf, `part-${i + 1}.pdf`)),
      refused("files.tooMany"),
    ],
    viaForm: true,
  },
  // Beyond the brief.
  {
    id: "29",
    what: "zip bomb as [Content_Types].xml, its size understated",
    files: [{ name: "bomb2.docx", bytes: CONTENT_TYPES_BOMB }],
    expected: [refused("files.wrongType")],
  },
  { id: "30", what: "real PDF named .html: the content sets the extension", files: [{ name: "evil.html", bytes: PDF }], expected: [storedAs(MIME.pdf, "evil.pdf")] },
  { id: "31", what: "PNG named .jpg", files: [{ name: "scan.jpg", bytes: PNG }], expected: [storedAs(MIME.png, "scan.png")] },
  { id: "32", what: "real minimal ODT", files: [{ name: "notes.odt", bytes: ODT }], expected: [storedAs(MIME.odt, "notes.odt")] },
  {
    id: "33",
    what: "bidi isolates, LRM/RLM and DEL in the name",
    files: [{ name: "\u2067cv\u2069\u200e\u200f\u007f.pdf", bytes: PDF }],
    expected: [storedAs(MIME.pdf, "cv.pdf")],
  },
  {
    id: "34",
    what: "a refused file among good ones: the others are still stored",
    files: [
      { name: "good.pdf", bytes: PDF },
      { name: "bad.pdf", bytes: HTML },
      { name: "good.png", bytes: PNG },
    ],
    expected: [storedAs(MIME.pdf, "good.pdf"), refused("files.wrongType"), storedAs(MIME.png, "good.png")],
  },
  {
    id: "35",
    what: "long name cut at 80 characters through an emoji (a surrogate pair)",
    files: [{ name: `${"x".repeat(79)}\u{1F600}${"y".repeat(20)}.pdf`, bytes: PDF }],
    expected: [storedAs(MIME.pdf, `${"x".repeat(79)}\u{1F600}.pdf`)],
  },
  { id: "36", what: "macro-enabled DOCM named .docx", files: [{ name: "letter.docx", bytes: DOCM }], expected: [refused("files.wrongType")] },
];

// ── Harness ─────────────────────────────────────────────────────────────────

let dataDir = "";
let cookie = "";
let attempt = 0;
const storedBytes: number[] = [];

function uploadsDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads");
}

/** Every file under DATA_DIR/uploads, as paths relative to it. */
function filesOnDisk(): Set<string> {
  if (!fs.existsSync(uploadsDir())) return new Set();
  return new Set(
    fs
      .readdirSync(uploadsDir(), { recursive: true, encoding: "utf8" })
      .filter((p) => fs.statSync(path.join(uploadsDir(), p)).isFile()),
  );
}

function newDraft(fellowId: string) {
  const id = `corpus-${fellowId}-${++attempt}`;
  getDb()
    .insert(schema.submissions)
    .values({ id, fellowId, moduleSlug: "upload-corpus", assignmentKey: "corpus", attempt, status: "draft", updatedAt: new Date() })
    .run();
  return id;
}

function rowsOf(submissionId: string) {
  return getDb()
    .select()
    .from(schema.submissionFiles)
    .where(eq(schema.submissionFiles.submissionId, submissionId))
    .orderBy(sql`rowid`)
    .all();
}

function bytesUsedBy(fellowId: string) {
  return getDb()
    .select({ bytes: sql<number>`coalesce(sum(${schema.submissionFiles.size}), 0)` })
    .from(schema.submissionFiles)
    .where(eq(schema.submissionFiles.fellowId, fellowId))
    .get()!.bytes;
}

/** The uploads as the route has them: read from a real multipart request, or passed as an attacker could name them. */
async function toUploads(c: Case): Promise<Upload[]> {
  if (!c.viaForm) return c.files.map((f) => ({ name: f.name, bytes: f.bytes, tooLarge: false }));
  const form = new FormData();
  form.append("body", "My answer.");
  for (const f of c.files) form.append("attachments", new File([new Uint8Array(f.bytes)], f.name, { type: "application/pdf" }));
  const { uploads } = await readAssignmentForm(new Request("http://localhost/modules/x/assignment", { method: "POST", body: form }));
  return uploads;
}

/** Runs `fn` counting every byte that DecompressionStream (which file-type inflates ZIP entries with) puts out. */
async function countingInflated<T>(fn: () => Promise<T>): Promise<{ result: T; inflated: number }> {
  const Real = globalThis.DecompressionStream;
  let inflated = 0;
  class Counting {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const inner = new Real(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            inflated += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  vi.stubGlobal("DecompressionStream", Counting);
  try {
    return { result: await fn(), inflated };
  } finally {
    vi.unstubAllGlobals();
  }
}

async function download(submissionId: string, fileId: string) {
  const request = new Request(`http://localhost/submissions/${submissionId}/files/${fileId}`, { headers: { Cookie: cookie } });
  return (await downloadLoader({ request, params: { submissionId, fileId }, context: {} } as LoaderFunctionArgs)) as Response;
}

const isPathInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
};
// eslint-disable-next-line no-control-regex -- these characters are what must not survive
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\]/;

beforeAll(() => {
  // Uploads go to a folder of this file's own, so the disk can be compared with the rows.
  dataDir = fs.mkdtempSync(path.join(TMP_DIR, "upload-corpus-"));
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  cookie = `fellowship_session=${createSession(FELLOW).token}`;
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// ── Tests ───────────────────────────────────────────────────────────────────

describe("an upload corpus of hostile files", () => {
  it("has at least 28 cases and every refusal key is one the form can show", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(28);
    const keys = new Set(CASES.flatMap((c) => c.expected.flatMap((e) => ("refused" in e ? [e.refused] : []))));
    for (const key of keys) {
      const [group, name] = key.split(".");
      expect(group).toBe("files");
      expect(typeof (en.files as Record<string, string>)[name], key).toBe("string");
    }
  });

  it.each(CASES.map((c) => [`${c.id} ${c.what}`, c] as const))("%s", async (_title, c) => {
    const submissionId = newDraft(FELLOW);
    const before = filesOnDisk();
    const uploads = await toUploads(c);
    expect(uploads).toHaveLength(c.files.length);
    const { result: problems, inflated } = await countingInflated(() => attachFiles(submissionId, FELLOW, uploads));

    // Content detection never inflates more than file-type's 1 MiB cap (plus one chunk): no bomb goes off.
    expect(inflated).toBeLessThanOrEqual(MiB + 64 * 1024);
    if (c.id === "07") expect(inflated).toBeLessThan(64 * 1024); // the 50 MB entry is skipped, not inflated
    if (c.id === "29") expect(inflated).toBeGreaterThan(MiB); // inflated up to the cap, then given up as a plain zip

    // Refused: the keys, in order, with a shown name free of control and override characters.
    const expectedRefusals = c.expected.flatMap((e) => ("refused" in e ? [e.refused] : []));
    expect(problems.map((p) => p.key)).toEqual(expectedRefusals);
    for (const p of problems) {
      // eslint-disable-next-line no-control-regex -- these characters are what must not be shown
      expect(p.name).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
      expect(p.name.length).toBeLessThanOrEqual(80);
    }

    // Stored: the expected type and cleaned name, the exact bytes, under a random name outside any public folder.
    const rows = rowsOf(submissionId);
    const storedFiles = c.files.filter((_, i) => "stored" in c.expected[i]);
    expect(rows.map((r) => ({ mime: r.mime, name: r.name }))).toEqual(
      c.expected.flatMap((e) => ("stored" in e ? [{ mime: e.stored, name: e.name }] : [])),
    );
    for (const [i, row] of rows.entries()) {
      const bytes = storedFiles[i].bytes;
      expect(row.fellowId).toBe(FELLOW);
      expect(row.size).toBe(bytes.length);
      expect(row.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
      expect(row.storedName).toMatch(/^[0-9a-f]{36}$/);
      expect(row.name).not.toMatch(UNSAFE_IN_NAME);
      expect([...row.name].length).toBeLessThanOrEqual(85); // code points: 80 of the stem, 5 of the extension
      expect(row.name).not.toMatch(/\uFFFD/); // nothing mangled when stored
      expect(row.name).not.toMatch(/^\./);
      expect(row.name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)\./i);
      expect(Object.values(MIME)).toContain(row.mime);
      const onDisk = path.join(uploadsDir(), row.storedName.slice(0, 2), row.storedName);
      expect(fs.readFileSync(onDisk).equals(bytes)).toBe(true);
      for (const publicDir of ["public", "build/client"]) expect(isPathInside(onDisk, path.resolve(publicDir))).toBe(false);
      storedBytes.push(bytes.length);
    }

    // The disk holds exactly the stored files: nothing is left behind for a refused one.
    const added = [...filesOnDisk()].filter((p) => !before.has(p));
    expect(added.sort()).toEqual(rows.map((r) => path.join(r.storedName.slice(0, 2), r.storedName)).sort());

    // Served only as a download of the detected type, sandboxed, under a header-safe name.
    for (const [i, row] of rows.entries()) {
      const response = await download(submissionId, row.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe(row.mime);
      expect(["text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/javascript"]).not.toContain(
        response.headers.get("Content-Type"),
      );
      expect(response.headers.get("Content-Security-Policy")).toBe("sandbox");
      // The route leaves nosniff to server.js, which sets it on every response.
      expect(response.headers.get("X-Content-Type-Options") ?? securityHeaders("n")["X-Content-Type-Options"]).toBe("nosniff");
      const disposition = response.headers.get("Content-Disposition") ?? "";
      const match = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+)$/.exec(disposition);
      expect(match, disposition).not.toBeNull();
      // The fallback is quoted ASCII, the UTF-8 form only RFC 5987 attr-chars and %XX.
      const [, ascii, encoded] = match!;
      expect(ascii).not.toMatch(/["\\]/);
      expect(ascii).toHaveLength(row.name.length);
      expect(decodeURIComponent(encoded)).toBe(row.name);
      expect(Buffer.from(await response.arrayBuffer()).equals(storedFiles[i].bytes)).toBe(true);
    }
  });

  it("counts every stored byte against the fellow's storage", () => {
    expect(bytesUsedBy(FELLOW)).toBe(storedBytes.reduce((a, b) => a + b, 0));
    // And the disk holds nothing but the stored files of this corpus.
    const rows = getDb().select().from(schema.submissionFiles).where(eq(schema.submissionFiles.fellowId, FELLOW)).all();
    expect([...filesOnDisk()].sort()).toEqual(rows.map((r) => path.join(r.storedName.slice(0, 2), r.storedName)).sort());
  });

  it("refuses a file that would take the fellow past 200 MB, counting files of every attempt", async () => {
    const fellow = "demo-fellow-5";
    const earlier = newDraft(fellow);
    const room = PDF.length;
    // An earlier attempt's file (a row only) leaves room for exactly one small PDF.
    getDb()
      .insert(schema.submissionFiles)
      .values({
        id: "corpus-big-file",
        submissionId: earlier,
        fellowId: fellow,
        name: "big.pdf",
        storedName: crypto.randomBytes(18).toString("hex"),
        mime: MIME.pdf,
        size: MAX_BYTES_PER_FELLOW - bytesUsedBy(fellow) - room,
        sha256: "0".repeat(64),
      })
      .run();
    const before = filesOnDisk();
    const problems = await attachFiles(newDraft(fellow), fellow, [
      { name: "fits.pdf", bytes: PDF, tooLarge: false },
      { name: "over.pdf", bytes: PDF, tooLarge: false },
    ]);
    expect(problems).toEqual([{ name: "over.pdf", key: "files.quota" }]);
    expect(bytesUsedBy(fellow)).toBe(MAX_BYTES_PER_FELLOW);
    expect(filesOnDisk().size).toBe(before.size + 1);
  });
});
