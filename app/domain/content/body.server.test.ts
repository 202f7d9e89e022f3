import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { PrecompressedStretch, splicedGzip } from "~/lib/spliced-gzip.server";
import { fillModuleBody, fillModuleBodyStretches } from "./body.server";
import { compileModule } from "./compile.server";
import type { CompiledModule } from "./schema";

let mod: CompiledModule;
beforeAll(async () => {
  mod = await compileModule(path.resolve("app/domain/content/fixtures/01-sample-module"), "test");
});

const t = getFixedT("en");
const fellowState = (overrides = {}) => ({
  mode: "fellow" as const,
  readSectionIds: new Set<string>(),
  lastAttempt: null,
  minScore: 50,
  reflections: new Map(),
  ...overrides,
});

describe("filling a module body for one reader", () => {
  const questions = () => ({ scoring: mod.locales.en.questions, shown: mod.locales.en.questions });

  it("offers Mark as read on unread sections and shows read ones as read", () => {
    const html = fillModuleBody(mod.locales.en.html, fellowState({ readSectionIds: new Set(["a-case"]) }), questions(), t);
    expect(html.match(/Mark as read/g)).toHaveLength(2);
    expect(html).toContain("✓ Read");
    expect(html).not.toContain("data-section-end");
  });

  it("shows no explanation before an attempt, and the score, feedback and chosen answers after it", () => {
    const before = fillModuleBody(mod.locales.en.html, fellowState(), questions(), t);
    expect(before).not.toContain("SECRET-EXPLANATION");
    const after = fillModuleBody(
      mod.locales.en.html,
      fellowState({ lastAttempt: { answers: { one: ["a"], two: ["a", "c"] }, scorePercent: 50 } }),
      questions(),
      t,
    );
    expect(after).toContain("1 of 2 correct (50%)");
    expect(after).toContain("SECRET-EXPLANATION");
    expect(after).toMatch(/data-opt="one:a" checked=""/);
    expect(after).not.toMatch(/data-opt="one:b" checked/);
    expect(after).toContain("✗ Not quite");
    expect(after).toContain("✓ Correct");
  });

  it("puts the journal note back, escaped", () => {
    const html = fillModuleBody(
      mod.locales.en.html,
      fellowState({ reflections: new Map([["thoughts", { text: "<script>x</script> ნინო", updatedAt: new Date("2026-05-01T10:00:00Z") }]]) }),
      questions(),
      t,
    );
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt; ნინო</textarea>");
    expect(html).toContain("Saved in your journal (2026-05-01 10:00 UTC).");
  });

  it("shows staff the answers and records nothing", () => {
    const html = fillModuleBody(mod.locales.en.html, { mode: "read-only" }, questions(), t);
    expect(html).toContain("Correct answer:");
    expect(html).not.toContain("Mark as read");
    expect(html).not.toContain("Check my answers");
    expect(html).toMatch(/data-reflection="thoughts" disabled/);
  });
});

describe("a filled body as stretches", () => {
  // Sections long enough to be compressed once, each ending in its "Mark as read" slot.
  const vocabulary = ["ნინო", "Աննա", "community", "water", "mentor", "სოფელი", "Ирина", "village", "support", "Aynur", "health", "დახმარება"];
  let seed = 7;
  const word = () => vocabulary[(seed = (seed * 1103515245 + 12345) % 2147483648) % vocabulary.length];
  const section = (id: string) =>
    `<section id="${id}"><h2>${id}</h2>${Array.from({ length: 60 }, () => `<p>${Array.from({ length: 12 }, word).join(" ")}.</p>`).join("")}</section><div data-section-end="${id}"></div>`;
  const html = `${section("one")}${section("two")}${section("three")}<textarea name="text" data-reflection="r1"></textarea><div data-reflection-status="r1"></div>`;
  const state = (read: string[], note?: string) =>
    fellowState({
      readSectionIds: new Set(read),
      reflections: new Map(note ? [["r1", { text: note, updatedAt: new Date("2026-05-01T10:00:00Z") }]] : []),
    });
  const noQuestions = { scoring: [], shown: [] };

  it("compresses the shared stretches once, and the spliced page decompresses to the filled body for every reader", () => {
    const states = [state([]), state(["one"]), state(["one", "two", "three"], "<b>my note</b>"), state(["two"]), state([])];
    for (const s of states) {
      const stretches = fillModuleBodyStretches(html, s, noQuestions, t);
      expect(stretches.filter((x) => x instanceof PrecompressedStretch).length).toBeGreaterThanOrEqual(3);
      const page = ["<main>", ...stretches, "</main>"];
      expect(zlib.gunzipSync(splicedGzip(page)).toString()).toBe(`<main>${fillModuleBody(html, s, noQuestions, t)}</main>`);
    }
  });

  it("comes close to compressing the whole filled body at once", () => {
    const s = state(["one"]);
    const spliced = splicedGzip(fillModuleBodyStretches(html, s, noQuestions, t)).length;
    const whole = zlib.gzipSync(fillModuleBody(html, s, noQuestions, t)).length;
    expect(spliced).toBeLessThan(whole * 1.1);
  });
});
