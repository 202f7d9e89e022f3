import type { PracticeKind, PracticeStatus } from "#db/enums";

/** Limits of the practice log, shared by the forms (in the browser) and the services. */
export const MAX_HOURS_PER_DAY = 12;
export const MAX_QUARTERS_PER_DAY = MAX_HOURS_PER_DAY * 4;
export const DESCRIPTION_MAX = 500;
export const GOALS_MIN = 3;
export const GOALS_MAX = 6;
export const GOAL_TITLE_MAX = 200;
export const GOAL_TEXT_MAX = 1000;
export const HOURS_PER_WEEK_MAX = 40;
export const TOPICS_MAX = 1000;
export const ACTIONS_MAX = 10;
export const ACTION_MAX = 300;
export const REFLECTION_MAX = 5000;
export const COMMENT_MAX = 1000;

/**
 * Hours as people type them ("2", "1.5", "0,75") into quarter hours, or a
 * reason it is not one: more than nothing, at most a day's limit, in quarters.
 */
export function parseHours(text: string): { ok: true; quarters: number } | { ok: false; key: string } {
  const value = text.trim().replace(",", ".");
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(value)) return { ok: false, key: "practice.hoursFormat" };
  const quarters = Number(value) * 4;
  if (!Number.isInteger(quarters)) return { ok: false, key: "practice.quarterHours" };
  if (quarters <= 0 || quarters > MAX_QUARTERS_PER_DAY) return { ok: false, key: "practice.hoursRange" };
  return { ok: true, quarters };
}

export const hoursOf = (quarters: number) => quarters / 4;

/** Whether one more entry fits the day: all entries of a day together stay within 12 hours. */
export function fitsTheDay(otherQuartersThatDay: number, quarters: number) {
  return otherQuartersThatDay + quarters <= MAX_QUARTERS_PER_DAY;
}

// Contact details of the people served do not belong in the log: an email address or a phone number.
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?:\+|\b)\d(?:[\s\-().]*\d){6,}/;
export function hasContactDetails(text: string) {
  return EMAIL.test(text) || PHONE.test(text);
}

/** Monday of the week a day falls in. */
export function weekOf(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export type EntryForTotals = { date: string; quarters: number; kind: PracticeKind; status: PracticeStatus };

/** Approved, waiting and returned hours; approved hours by kind and all hours by week; progress against the requirement. */
export function practiceTotals(entries: EntryForTotals[], requiredHours: number) {
  const sum = (status: PracticeStatus) => hoursOf(entries.filter((e) => e.status === status).reduce((n, e) => n + e.quarters, 0));
  const approved = sum("approved");
  const byKind: Partial<Record<PracticeKind, number>> = {};
  const byWeek = new Map<string, { approved: number; waiting: number; returned: number }>();
  for (const e of entries) {
    if (e.status === "approved") byKind[e.kind] = (byKind[e.kind] ?? 0) + hoursOf(e.quarters);
    const week = weekOf(e.date);
    const row = byWeek.get(week) ?? { approved: 0, waiting: 0, returned: 0 };
    row[e.status] += hoursOf(e.quarters);
    byWeek.set(week, row);
  }
  return {
    approved,
    waiting: sum("waiting"),
    returned: sum("returned"),
    required: requiredHours,
    percent: requiredHours > 0 ? Math.min(100, Math.floor((approved / requiredHours) * 100)) : 0,
    met: approved >= requiredHours,
    byKind,
    byWeek: [...byWeek.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([week, hours]) => ({ week, ...hours })),
  };
}

export type AgreementStep = "submit" | "comment" | "approve" | "sign" | "newVersion";

/**
 * The order a learning agreement goes through: the fellow drafts and
 * submits; the mentor comments (back to draft) or approves; then the fellow
 * signs, which locks it. A signed agreement can only be followed by a new version.
 */
export function canTake(step: AgreementStep, status: string | null, actor: "fellow" | "mentor") {
  switch (step) {
    case "submit":
      return actor === "fellow" && status === "draft";
    case "comment":
    case "approve":
      return actor === "mentor" && status === "submitted";
    case "sign":
      return actor === "fellow" && status === "approved";
    case "newVersion":
      return actor === "fellow" && (status === null || status === "signed");
  }
}
