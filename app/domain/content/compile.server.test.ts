import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, compileModule, extractSectionIds, moduleHash } from "./compile.server";

const FIXTURE = path.resolve("app/domain/content/fixtures/01-sample-module");

function copyFixture(edit?: (source: string) => string, extra: Record<string, string> = {}) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "module-")), "01-sample-module");
  fs.cpSync(FIXTURE, dir, { recursive: true });
  if (edit) fs.writeFileSync(path.join(dir, "index.mdx"), edit(fs.readFileSync(path.join(dir, "index.mdx"), "utf8")));
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function problemsOf(dir: string) {
  try {
    await compileModule(dir, "test");
  } catch (error) {
    if (error instanceof ContentError) return { file: error.file, problems: error.problems };
    throw error;
  }
  return null;
}

describe("compiling a module", () => {
  it("renders every component to plain HTML with sections, and keeps answers out of it", async () => {
    const mod = await compileModule(FIXTURE, "test");
    const en = mod.locales.en;
    expect(mod.slug).toBe("sample-module");
    expect(en.sections.map((s) => s.id)).toEqual(["first-things", "a-case", "check"]);
    expect(en.html).toContain('<section class="module-section" aria-labelledby="a-case">');
    expect(en.html).toContain('<div data-section-end="check"></div>');
    expect(en.html).toContain('<dfn>Dignity</dfn>');
    expect(en.html).toContain('src="/content/sample-module/diagram.svg"');
    expect(en.html).toContain("<details><summary>Transcript</summary>");
    expect(en.keyTerms).toEqual([{ term: "Dignity", definition: "The worth of every person.", sectionId: "first-things" }]);
    expect(en.questions.map((q) => q.answer)).toEqual(["b", ["a", "c"]]);
    expect(en.html).not.toContain("SECRET-EXPLANATION");
    expect(en.html).not.toMatch(/correct|answer=/i);
  });

  it("names the file and the field when the frontmatter is wrong", async () => {
    const dir = copyFixture((s) => s.replace("estimatedMinutes: 10", "estimatedMinutes: ten").replace("passMark: 4", "passMark: 40"));
    const result = await problemsOf(dir);
    expect(result?.file).toBe(path.join(dir, "index.mdx"));
    expect(result?.problems.join("\n")).toContain("frontmatter estimatedMinutes:");
    expect(result?.problems.join("\n")).toContain("frontmatter assignment.passMark: passMark is more than the rubric's maximum");
  });

  it("refuses a section without an id, a bad component prop and an answer that is not an option", async () => {
    const dir = copyFixture((s) =>
      s
        .replace("## A case {#a-case}", "## A case")
        .replace('type="tip"', 'type="hint"')
        .replace('answer="b"', 'answer="z"'),
    );
    const problems = (await problemsOf(dir))?.problems.join("\n") ?? "";
    expect(problems).toContain('section heading "A case" needs an id');
  });

  it("reports component problems once the headings are right", async () => {
    const dir = copyFixture((s) => s.replace('type="tip"', 'type="hint"').replace('answer="b"', 'answer="z"'));
    const problems = (await problemsOf(dir))?.problems.join("\n") ?? "";
    expect(problems).toContain("<Callout> type:");
    expect(problems).toContain('answer "z" is not an option');
  });

  it("refuses a translation whose section or question ids differ from English", async () => {
    const source = fs.readFileSync(path.join(FIXTURE, "index.mdx"), "utf8");
    const dir = copyFixture(undefined, {
      "index.ka.mdx": source.replace("{#a-case}", "{#another-case}").replace("title: A sample module", "title: ნიმუში"),
    });
    const result = await problemsOf(dir);
    expect(result?.file).toBe(path.join(dir, "index.ka.mdx"));
    expect(result?.problems.join("\n")).toContain("section ids differ from English");
  });

  it("accepts a faithful translation", async () => {
    const source = fs.readFileSync(path.join(FIXTURE, "index.mdx"), "utf8");
    const dir = copyFixture(undefined, { "index.ru.mdx": source.replace("title: A sample module", "title: Пример модуля") });
    const mod = await compileModule(dir, "test");
    expect(Object.keys(mod.locales)).toEqual(["en", "ru"]);
    expect(mod.locales.ru.frontmatter.title).toBe("Пример модуля");
    // Component labels are in the module's language.
    expect(mod.locales.ru.html).not.toContain(">Case study<");
  });

  it("changes the cache key when any file of the module changes, and only then", () => {
    const dir = copyFixture();
    const before = moduleHash(dir, []);
    expect(moduleHash(dir, [])).toBe(before);
    fs.appendFileSync(path.join(dir, "index.mdx"), "\nOne more line.\n");
    expect(moduleHash(dir, [])).not.toBe(before);
  });

  it("takes section ids out of headings, outside code fences only", () => {
    const { source, ids } = extractSectionIds("## One {#one}\n```\n## not a heading\n```\n## Two {#two}\n", "x.mdx");
    expect(ids).toEqual(["one", "two"]);
    expect(source).toBe("## One\n```\n## not a heading\n```\n## Two\n");
  });
});
