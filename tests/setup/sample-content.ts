// Points the content catalogue at the compiled sample module (the fixture
// in app/domain/content/fixtures), so unit tests need no content build.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileModule } from "~/domain/content/compile.server";
import { getModule, resetContentCache } from "~/domain/content/catalog.server";
import { resetEnvCache } from "~/lib/env.server";

export const SAMPLE_SLUG = "sample-module";

export async function useSampleContent() {
  const compiled = await compileModule(path.resolve("app/domain/content/fixtures/01-sample-module"), "test");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  fs.writeFileSync(path.join(dir, `${SAMPLE_SLUG}.json`), JSON.stringify(compiled));
  fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify([{ slug: SAMPLE_SLUG, number: 1, hash: "test" }]));
  process.env.CONTENT_DIR = dir;
  resetEnvCache();
  resetContentCache();
  return getModule(SAMPLE_SLUG)!;
}
