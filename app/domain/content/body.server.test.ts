import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { fillModuleBody } from "./body.server";
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
