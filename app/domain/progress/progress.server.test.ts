import { beforeAll, describe, expect, it } from "vitest";
import { moduleInLocale } from "~/domain/content/catalog.server";
import { useSampleContent } from "../../../tests/setup/sample-content";
import type { CompiledModule } from "~/domain/content/schema";
import { getModuleState, markSectionRead, recordAttempt, saveReflection } from "./progress.server";

let mod: CompiledModule;
const FELLOW = "demo-fellow-4";

beforeAll(async () => {
  mod = await useSampleContent();
});

describe("learning progress", () => {
  it("records completion once the rules are met, and never takes it back", () => {
    for (const s of ["first-things", "a-case"]) markSectionRead(FELLOW, mod, s);
    expect(getModuleState(FELLOW, mod.slug).completedAt).toBeNull();
    markSectionRead(FELLOW, mod, "check");
    expect(getModuleState(FELLOW, mod.slug).completedAt).toBeNull(); // knowledge check still missing
    expect(recordAttempt(FELLOW, mod, { one: ["a"] }).scorePercent).toBe(0);
    expect(getModuleState(FELLOW, mod.slug).completedAt).toBeNull();
    expect(recordAttempt(FELLOW, mod, { one: ["b"] }).scorePercent).toBe(50);
    const state = getModuleState(FELLOW, mod.slug);
    expect(state.completedAt).toBeInstanceOf(Date);
    expect(state.attemptCount).toBe(2);
    // A worse attempt later changes nothing about completion; the best score stays.
    recordAttempt(FELLOW, mod, { one: ["a"] });
    const later = getModuleState(FELLOW, mod.slug);
    expect(later.completedAt).toEqual(state.completedAt);
    expect(later.bestScorePercent).toBe(50);
    expect(later.lastAttempt?.scorePercent).toBe(0);
  });

  it("ignores sections and reflections the module does not have", () => {
    expect(markSectionRead(FELLOW, mod, "no-such-section")).toBe(false);
    expect(saveReflection(FELLOW, mod, "no-such-reflection", "x")).toBe(false);
    expect(getModuleState(FELLOW, mod.slug).readSectionIds.has("no-such-section")).toBe(false);
  });

  it("keeps one journal note per reflection, updated in place", () => {
    saveReflection(FELLOW, mod, "thoughts", "first");
    saveReflection(FELLOW, mod, "thoughts", "second");
    expect(getModuleState(FELLOW, mod.slug).reflections.get("thoughts")?.text).toBe("second");
  });

  it("falls back to English when the reader's language is missing, and says so", () => {
    expect(moduleInLocale(mod, "ka")).toMatchObject({ fallback: true, available: ["en"] });
    expect(moduleInLocale(mod, "ka").version.locale).toBe("en");
    expect(moduleInLocale(mod, "en").fallback).toBe(false);
  });
});
