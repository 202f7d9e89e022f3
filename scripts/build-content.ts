// Compiles the course modules in content/ to HTML and metadata, once per
// change: `npm run build` runs it; `npm run content:check` only validates;
// `--watch` recompiles a module when one of its files changes (npm run dev).
import fs from "node:fs";
import path from "node:path";
import { ContentError, compileModule, moduleHash } from "../app/domain/content/compile.server";
import type { CompiledModule } from "../app/domain/content/schema";
import { SEARCH_FILE, buildSearchIndex } from "../app/domain/content/search-index.server";

const argv = process.argv.slice(2);
const args = new Set(argv);
// `--only 03-community-needs-assessment`: check one module folder alone (for authors).
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
const checkOnly = args.has("--check") || argv.includes("--only");
const watch = args.has("--watch");
const CONTENT = path.resolve(process.env.CONTENT_SOURCE ?? "content/modules");
const OUT = path.resolve(process.env.CONTENT_DIR ?? "build/content");
const PUBLIC_ASSETS = path.resolve("build/client/content");
const CACHE = path.resolve(".cache/content");
// The compiler's own code is part of every module's cache key.
const COMPILER_FILES = [
  "app/domain/content/compile.server.ts",
  "app/domain/content/components.tsx",
  "app/domain/content/schema.ts",
  ...fs.readdirSync("app/locales").map((f) => `app/locales/${f}`),
].map((f) => path.resolve(f));

async function buildAll() {
  const started = Date.now();
  const dirs = fs
    .readdirSync(CONTENT)
    .filter((d) => fs.statSync(path.join(CONTENT, d)).isDirectory() && (!only || d === only))
    .sort();
  fs.mkdirSync(CACHE, { recursive: true });
  const modules: CompiledModule[] = [];
  let compiled = 0;
  const problems: string[] = [];
  for (const d of dirs) {
    const dir = path.join(CONTENT, d);
    const hash = moduleHash(dir, COMPILER_FILES);
    const cached = path.join(CACHE, `${d}-${hash}.json`);
    try {
      let mod: CompiledModule;
      if (fs.existsSync(cached)) {
        mod = JSON.parse(fs.readFileSync(cached, "utf8"));
      } else {
        mod = await compileModule(dir, hash);
        compiled++;
        for (const old of fs.readdirSync(CACHE).filter((f) => f.startsWith(`${d}-`))) fs.rmSync(path.join(CACHE, old));
        fs.writeFileSync(cached, JSON.stringify(mod));
      }
      modules.push(mod);
    } catch (error) {
      if (error instanceof ContentError) problems.push(error.message);
      else throw error;
    }
  }
  const slugs = modules.map((m) => m.slug);
  const dup = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (dup) problems.push(`two module folders use the slug "${dup}"`);
  if (problems.length) {
    console.error(`Content has problems:\n${problems.join("\n")}`);
    return false;
  }
  if (!checkOnly) {
    fs.mkdirSync(OUT, { recursive: true });
    for (const f of fs.readdirSync(OUT)) fs.rmSync(path.join(OUT, f), { recursive: true, force: true });
    for (const mod of modules) {
      fs.writeFileSync(path.join(OUT, `${mod.slug}.json`), JSON.stringify(mod));
      const dir = path.join(CONTENT, dirs.find((d) => d.endsWith(`-${mod.slug}`))!);
      const assets = fs.readdirSync(dir).filter((f) => /\.(svg|png|jpe?g|webp)$/.test(f));
      if (assets.length) fs.mkdirSync(path.join(PUBLIC_ASSETS, mod.slug), { recursive: true });
      for (const a of assets) fs.copyFileSync(path.join(dir, a), path.join(PUBLIC_ASSETS, mod.slug, a));
    }
    buildSearchIndex(path.join(OUT, SEARCH_FILE), modules);
    const index = modules.map((m) => ({ slug: m.slug, number: m.number, hash: m.hash }));
    // Written last: the server reloads content in development when this file changes.
    fs.writeFileSync(path.join(OUT, "index.json"), JSON.stringify(index));
  }
  const words = modules.map((m) => `${m.slug} ${Object.keys(m.locales).join("/")}`).join("; ");
  console.log(
    `Content ${checkOnly ? "checked" : "built"}: ${modules.length} modules (${compiled} compiled, ${modules.length - compiled} from cache) in ${Date.now() - started} ms — ${words}`,
  );
  return true;
}

const ok = await buildAll();
if (watch) {
  let timer: NodeJS.Timeout | undefined;
  fs.watch(CONTENT, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void buildAll(), 200);
  });
  console.log(`Watching ${path.relative(process.cwd(), CONTENT)} for changes…`);
} else if (!ok) {
  process.exit(1);
}
