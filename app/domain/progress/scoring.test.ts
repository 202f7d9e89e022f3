import { describe, expect, it } from "vitest";
import type { Question } from "~/domain/content/schema";
import { evaluateCompletion, scoreAttempt } from "./scoring";

const questions: Question[] = [
  { id: "one", type: "single", prompt: "?", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }], answer: "b", explanation: "." },
  {
    id: "two",
    type: "multiple",
    prompt: "?",
    options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }],
    answer: ["a", "c"],
    explanation: ".",
  },
];

describe("scoring a knowledge check", () => {
  it("counts a question right only with exactly the right options", () => {
    expect(scoreAttempt(questions, { one: ["b"], two: ["a", "c"] })).toMatchObject({ correct: 2, total: 2, scorePercent: 100 });
    expect(scoreAttempt(questions, { one: ["b"], two: ["a"] })).toMatchObject({ correct: 1, scorePercent: 50 });
    expect(scoreAttempt(questions, { one: ["b"], two: ["a", "b", "c"] }).results.two.correct).toBe(false);
    expect(scoreAttempt(questions, {})).toMatchObject({ correct: 0, scorePercent: 0 });
  });

  it("ignores options that do not exist, repeats, and extra answers to a single-choice question", () => {
    expect(scoreAttempt(questions, { one: ["zzz", "b"], two: ["c", "a", "a"] })).toMatchObject({ correct: 2 });
    expect(scoreAttempt(questions, { one: ["a", "b"] }).results.one).toEqual({ correct: false, chosen: ["a"] });
  });
});

describe("module completion rules", () => {
  const facts = {
    sectionIds: ["a", "b"],
    readSectionIds: new Set(["a", "b"]),
    bestScorePercent: 75,
    hasKnowledgeCheck: true,
    assignmentApproved: false,
  };
  const rules = { allSectionsRead: true, knowledgeCheckMinScore: 70, assignmentApproved: false };

  it("needs every section read and the minimum score", () => {
    expect(evaluateCompletion(rules, facts).complete).toBe(true);
    expect(evaluateCompletion(rules, { ...facts, readSectionIds: new Set(["a"]) }).complete).toBe(false);
    expect(evaluateCompletion(rules, { ...facts, bestScorePercent: 69 }).complete).toBe(false);
    expect(evaluateCompletion(rules, { ...facts, bestScorePercent: null }).complete).toBe(false);
  });

  it("applies only the rules a module sets", () => {
    expect(evaluateCompletion({ ...rules, knowledgeCheckMinScore: null }, { ...facts, bestScorePercent: null }).complete).toBe(true);
    expect(evaluateCompletion({ ...rules, allSectionsRead: false }, { ...facts, readSectionIds: new Set() }).complete).toBe(true);
    expect(evaluateCompletion({ ...rules, assignmentApproved: true }, facts)).toMatchObject({ assignmentMet: false, complete: false });
    expect(evaluateCompletion({ ...rules, assignmentApproved: true }, { ...facts, assignmentApproved: true }).complete).toBe(true);
  });
});
