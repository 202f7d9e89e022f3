// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file
// of the client build, once, at the highest settings: the server then sends
// them as they are (express-static-gzip) instead of compressing per request.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = process.argv[2] ?? "build/client";
const COMPRESSIBLE = /\.(js|mjs|css|json|svg|html|txt|map|ico|webmanifest)$/;
let files = 0;
let before = 0;
let brotli = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (COMPRESSIBLE.test(entry.name)) compress(file);
  }
}

function compress(file) {
  const data = fs.readFileSync(file);
  if (data.length < 512) return; // not worth a second round trip's worth of headers
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  files++;
  before += data.length;
  brotli += br.length;
}

walk(root);
console.log(`Precompressed ${files} files in ${root}: ${Math.round(before / 1024)} KB → ${Math.round(brotli / 1024)} KB brotli.`);
