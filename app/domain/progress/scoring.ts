import type { CompletionRules, Question } from "~/domain/content/schema";

export type Answers = Record<string, string[]>;
export type ScoredAttempt = {
  correct: number;
  total: number;
  scorePercent: number;
  results: Record<string, { correct: boolean; chosen: string[] }>;
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A question counts only when exactly the right options are chosen; unknown options are ignored. */
export function scoreAttempt(questions: Question[], answers: Answers): ScoredAttempt {
  const results: ScoredAttempt["results"] = {};
  let correct = 0;
  for (const q of questions) {
    const valid = new Set(q.options.map((o) => o.id));
    let chosen = [...new Set(answers[q.id] ?? [])].filter((id) => valid.has(id));
    if (q.type === "single") chosen = chosen.slice(0, 1);
    const expected = Array.isArray(q.answer) ? q.answer : [q.answer];
    const ok = chosen.length > 0 && sameSet(chosen, expected);
    if (ok) correct++;
    results[q.id] = { correct: ok, chosen };
  }
  const total = questions.length;
  return { correct, total, scorePercent: total === 0 ? 0 : Math.round((correct / total) * 100), results };
}

/** Reads `q:<id>` fields of a posted knowledge-check form. */
export function answersFromForm(form: FormData, questions: Question[]): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    answers[q.id] = form
      .getAll(`q:${q.id}`)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 20);
  }
  return answers;
}

export type CompletionFacts = {
  sectionIds: string[];
  readSectionIds: Set<string>;
  bestScorePercent: number | null;
  hasKnowledgeCheck: boolean;
  assignmentApproved: boolean;
};

/** Which of a module's rules are met, and whether all of them are. */
export function evaluateCompletion(rules: CompletionRules, facts: CompletionFacts) {
  const sectionsMet = !rules.allSectionsRead || facts.sectionIds.every((id) => facts.readSectionIds.has(id));
  const checkMet =
    rules.knowledgeCheckMinScore === null ||
    !facts.hasKnowledgeCheck ||
    (facts.bestScorePercent !== null && facts.bestScorePercent >= rules.knowledgeCheckMinScore);
  const assignmentMet = !rules.assignmentApproved || facts.assignmentApproved;
  return { sectionsMet, checkMet, assignmentMet, complete: sectionsMet && checkMet && assignmentMet };
}
