import { describe, expect, it } from "vitest";
import { eligibilityItems, type Facts } from "./eligibility.server";

const facts = (over: Partial<Facts> = {}): Facts => ({
  required: [
    { slug: "a", number: 1, title: "A" },
    { slug: "b", number: 2, title: "B" },
  ],
  completed: new Set(["a", "b"]),
  latestStatus: new Map([
    ["a", "approved"],
    ["b", "approved"],
  ]),
  approvedHours: 120,
  requiredHours: 120,
  ...over,
});
const eligible = (f: Facts) => eligibilityItems(f).every((i) => i.done);
const missing = (f: Facts) => eligibilityItems(f).filter((i) => !i.done).map((i) => (i.kind === "hours" ? "hours" : `${i.kind}:${"slug" in i ? i.slug : ""}`));

describe("certificate eligibility", () => {
  it("needs every required module complete, every required assignment approved and the hours approved", () => {
    expect(eligible(facts())).toBe(true);
    expect(missing(facts({ completed: new Set(["a"]) }))).toEqual(["module:b"]);
    expect(missing(facts({ latestStatus: new Map([["a", "approved"], ["b", "revision_requested"]]) }))).toEqual(["assignment:b"]);
    expect(missing(facts({ latestStatus: new Map([["a", "approved"]]) }))).toEqual(["assignment:b"]);
    expect(missing(facts({ approvedHours: 119.75 }))).toEqual(["hours"]);
  });

  it("counts hours as met when the cohort requires none, and says what is missing when nothing is done", () => {
    expect(eligible(facts({ approvedHours: 0, requiredHours: 0 }))).toBe(true);
    expect(missing(facts({ completed: new Set(), latestStatus: new Map(), approvedHours: 0 }))).toEqual(["module:a", "module:b", "assignment:a", "assignment:b", "hours"]);
  });
});
