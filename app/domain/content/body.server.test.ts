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
  // Sections about as long as a real module's (10-20 KB), each ending in its "Mark as read" slot.
  const vocabulary = ["ნინო", "Աննա", "community", "water", "mentor", "სოფელი", "Ирина", "village", "support", "Aynur", "health", "დახმარება"];
  let seed = 7;
  const word = () => vocabulary[(seed = (seed * 1103515245 + 12345) % 2147483648) % vocabulary.length];
  const section = (id: string) =>
    `<section id="${id}"><h2>${id}</h2>${Array.from({ length: 150 }, () => `<p>${Array.from({ length: 12 }, word).join(" ")}.</p>`).join("")}</section><div data-section-end="${id}"></div>`;
  const question = (id: string) =>
    `<fieldset><legend>${Array.from({ length: 30 }, word).join(" ")}</legend>${["a", "b", "c"]
      .map((o) => `<label><input type="radio" name="q:${id}" value="${o}" data-opt="${id}:${o}"/> ${Array.from({ length: 25 }, word).join(" ")}</label>`)
      .join("")}<div data-kc-feedback="${id}"></div></fieldset>`;
  const html = `${section("one")}${section("two")}${section("three")}<form>${question("q1")}${question("q2")}<div data-kc-result=""></div></form><textarea name="text" data-reflection="r1"></textarea><div data-reflection-status="r1"></div>${section("four")}`;
  const state = (read: string[], note?: string) =>
    fellowState({
      readSectionIds: new Set(read),
      reflections: new Map(note ? [["r1", { text: note, updatedAt: new Date("2026-05-01T10:00:00Z") }]] : []),
    });
  const noQuestions = { scoring: [], shown: [] };

  it("compresses the shared stretches once, and the spliced page decompresses to the filled body for every reader", () => {
    const states = [state([]), state(["one"]), state(["one", "two", "three"], "<b>my note</b>"), state(["two"]), state([]), state(["one"])];
    const precompressed: number[] = [];
    for (const s of states) {
      const stretches = fillModuleBodyStretches(html, s, noQuestions, t);
      precompressed.push(stretches.filter((x) => x instanceof PrecompressedStretch).length);
      const page = ["<main>", ...stretches, "</main>"];
      expect(zlib.gunzipSync(splicedGzip(page)).toString()).toBe(`<main>${fillModuleBody(html, s, noQuestions, t)}</main>`);
    }
    // Four sections, and the knowledge check once the same text (it starts with section three's
    // "Mark as read" or read mark) has been seen before.
    expect(precompressed).toEqual([4, 5, 4, 5, 5, 5]);
  });

  it("comes close to compressing the whole filled body at once", () => {
    const s = state(["one"]);
    const spliced = splicedGzip(fillModuleBodyStretches(html, s, noQuestions, t)).length;
    const whole = zlib.gzipSync(fillModuleBody(html, s, noQuestions, t)).length;
    expect(spliced).toBeLessThan(whole * 1.1);
  });
});
