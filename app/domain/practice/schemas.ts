import { z } from "zod";
import { PRACTICE_KINDS } from "#db/enums";
import { dateField } from "~/domain/cohorts/schemas";
import { choice, errorMessage, requiredText, type FieldError, type FormErrors } from "~/lib/forms";
import {
  ACTION_MAX,
  ACTIONS_MAX,
  COMMENT_MAX,
  DESCRIPTION_MAX,
  GOAL_TEXT_MAX,
  GOAL_TITLE_MAX,
  GOALS_MAX,
  GOALS_MIN,
  HOURS_PER_WEEK_MAX,
  REFLECTION_MAX,
  TOPICS_MAX,
  hasContactDetails,
  parseHours,
} from "./rules";

/** Hours typed as text, checked against the quarter-hour rules; the message says which rule. */
function hoursField() {
  return z
    .string()
    .max(10)
    .superRefine((value, ctx) => {
      const parsed = parseHours(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: errorMessage(parsed.key, { max: 12 }) });
    })
    .transform((value) => (parseHours(value) as { quarters: number }).quarters);
}

const description = requiredText(DESCRIPTION_MAX).refine((v) => !hasContactDetails(v), errorMessage("practice.personalDetails"));

export const EntrySchema = z.object({
  date: dateField(),
  hours: hoursField(),
  kind: choice(PRACTICE_KINDS),
  goalId: z.string().max(100),
  description,
});

export const SessionSchema = z.object({
  date: dateField(),
  hours: hoursField(),
  topics: requiredText(TOPICS_MAX).refine((v) => !hasContactDetails(v), errorMessage("practice.personalDetails")),
  actions: z.string().max(ACTIONS_MAX * (ACTION_MAX + 2)),
});

/** Agreed actions: one per line, blank lines ignored. */
export function actionLines(text: string): { ok: true; lines: string[] } | { ok: false; error: FieldError } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > ACTIONS_MAX) return { ok: false, error: { key: "practice.tooManyActions", values: { max: String(ACTIONS_MAX) } } };
  if (lines.some((l) => l.length > ACTION_MAX)) return { ok: false, error: { key: "form.tooLong", values: { max: String(ACTION_MAX) } } };
  return { ok: true, lines };
}

export const ReflectionSchema = z.object({ reflection: z.string().max(REFLECTION_MAX, errorMessage("form.tooLong", { max: REFLECTION_MAX })) });
export const ReturnSchema = z.object({ comment: requiredText(COMMENT_MAX) });
export const AgreementCommentSchema = z.object({ comment: z.string().trim().max(COMMENT_MAX, errorMessage("form.tooLong", { max: COMMENT_MAX })) });

export type GoalDraft = { title: string; activities: string; evidence: string; moduleSlug: string };

/**
 * The agreement form: hours per week and six goal slots (goal1Title,
 * goal1Activities, goal1Evidence, goal1Module, …). Empty slots are ignored;
 * between three and six goals must be filled in, each with all three texts.
 */
export function readAgreementForm(form: FormData, knownModules: string[]) {
  const errors: FormErrors = {};
  const values: Record<string, string> = {};
  const text = (name: string) => {
    const v = form.get(name);
    values[name] = typeof v === "string" ? v : "";
    return values[name].trim();
  };
  const perWeek = text("hoursPerWeek");
  const hoursPerWeek = Number(perWeek);
  if (!/^\d{1,2}$/.test(perWeek) || hoursPerWeek < 1 || hoursPerWeek > HOURS_PER_WEEK_MAX) {
    errors.hoursPerWeek = { key: "form.wholeNumber", values: { min: "1", max: String(HOURS_PER_WEEK_MAX) } };
  }
  const goals: GoalDraft[] = [];
  for (let i = 1; i <= GOALS_MAX; i++) {
    const goal = { title: text(`goal${i}Title`), activities: text(`goal${i}Activities`), evidence: text(`goal${i}Evidence`), moduleSlug: text(`goal${i}Module`) };
    if (!goal.title && !goal.activities && !goal.evidence) continue;
    for (const [field, max] of [["Title", GOAL_TITLE_MAX], ["Activities", GOAL_TEXT_MAX], ["Evidence", GOAL_TEXT_MAX]] as const) {
      const value = goal[field.toLowerCase() as "title" | "activities" | "evidence"];
      if (!value) errors[`goal${i}${field}`] = { key: "form.required" };
      else if (value.length > max) errors[`goal${i}${field}`] = { key: "form.tooLong", values: { max: String(max) } };
    }
    if (goal.moduleSlug && !knownModules.includes(goal.moduleSlug)) errors[`goal${i}Module`] = { key: "form.invalidChoice" };
    goals.push(goal);
  }
  if (goals.length < GOALS_MIN) errors._form = { key: "agreement.goalsCount", values: { min: String(GOALS_MIN), max: String(GOALS_MAX) } };
  const ok = Object.keys(errors).length === 0;
  return {
    ok,
    errors,
    values,
    data: { hoursPerWeek, goals: goals.map((g) => ({ ...g, moduleSlug: g.moduleSlug || null })) },
  };
}
