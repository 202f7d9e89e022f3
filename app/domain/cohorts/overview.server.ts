import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { addDays, daysBetween, programmeToday } from "~/lib/dates.server";
import type { Locale } from "~/lib/i18n/config";
import { INACTIVE_DAYS, REVISION_WAIT_DAYS, type Sort } from "./limits";
import { DAY_MS, cohortFacts, median, type CohortFacts, type FellowFacts } from "./facts.server";


export type OverviewFilters = { sort: Sort; organizationId: string | null; mentorId: string | null };


export type RiskReason =
  | { kind: "overdue"; module: string; number: number; dueOn: string }
  | { kind: "inactive"; days: number | null }
  | { kind: "revisionWaiting"; module: string; number: number; days: number };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Why an active fellow needs attention now; empty when they do not. */
export function riskReasons(fellow: FellowFacts, schedule: ReadonlyArray<CohortFacts["schedule"][number] & { number: number }>, today: string, now: Date): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const m of schedule) {
    const number = m.number;
    if (m.required && m.dueOn && m.dueOn < today && fellow.cells[m.moduleSlug] !== "complete") {
      reasons.push({ kind: "overdue", module: m.moduleSlug, number, dueOn: m.dueOn });
    }
    const latest = fellow.latest[m.moduleSlug];
    if (latest?.status === "revision_requested" && latest.reviewReleasedAt) {
      const days = Math.floor((now.getTime() - latest.reviewReleasedAt.getTime()) / DAY_MS);
      if (days >= REVISION_WAIT_DAYS) reasons.push({ kind: "revisionWaiting", module: m.moduleSlug, number, days });
    }
  }
  // A fellow enrolled a week ago has not been quiet for fourteen days.
  const since = fellow.lastActivity && fellow.lastActivity > fellow.enrolledAt ? fellow.lastActivity : fellow.enrolledAt;
  const quiet = daysBetween(dayOf(since), today);
  if (quiet >= INACTIVE_DAYS) reasons.push({ kind: "inactive", days: fellow.lastActivity ? quiet : null });
  return reasons;
}

/** Monday of the week a day falls in: charts count by programme week. */
function weekOf(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/**
 * The cohort page: headline counts, the fellows × modules matrix (filtered
 * and sorted), who is at risk and why, each mentor's workload, and the
 * series the two charts draw. Built from `cohortFacts`, so its query count
 * does not grow with the cohort.
 */
export function cohortOverview(cohortId: string, locale: Locale, filters: OverviewFilters, now = new Date()) {
  const facts = cohortFacts(cohortId);
  if (!facts) return null;
  const today = programmeToday(now);
  const active = facts.fellows.filter((f) => f.status === "active");
  const modules = facts.schedule.map((m) => {
    const mod = getModule(m.moduleSlug)!;
    return {
      slug: m.moduleSlug,
      number: mod.number,
      title: moduleInLocale(mod, locale).version.frontmatter.title,
      required: m.required,
      opensOn: m.opensOn,
      dueOn: m.dueOn,
    };
  });

  const numbered = facts.schedule.map((m) => ({ ...m, number: getModule(m.moduleSlug)?.number ?? 0 }));
  const atRisk = active
    .map((f) => ({ fellow: f, reasons: riskReasons(f, numbered, today, now) }))
    .filter((r) => r.reasons.length > 0);
  const riskIds = new Set(atRisk.map((r) => r.fellow.id));

  const percent = (f: FellowFacts) => (facts.required.length ? Math.round((f.requiredComplete / facts.required.length) * 100) : 0);
  const matches = (f: FellowFacts) =>
    (!filters.organizationId || f.organizationId === filters.organizationId) && (!filters.mentorId || f.mentorId === filters.mentorId);
  const collator = new Intl.Collator(locale);
  const byName = (a: FellowFacts, b: FellowFacts) => collator.compare(a.name, b.name);
  const sorted = active.filter(matches).sort((a, b) => {
    if (filters.sort === "progress") return percent(b) - percent(a) || byName(a, b);
    // Longest quiet first: those are the fellows to call.
    if (filters.sort === "activity") return (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0) || byName(a, b);
    return byName(a, b);
  });

  const monthAgo = now.getTime() - 30 * DAY_MS;
  const mentorIds = [...new Set(active.map((f) => f.mentorId).filter((id): id is string => Boolean(id)))];
  const workload = mentorIds
    .map((mentorId) => {
      const theirs = active.filter((f) => f.mentorId === mentorId);
      const waiting = active.reduce(
        (n, f) => n + Object.values(f.latest).filter((l) => l.status === "submitted" && l.mentorId === mentorId).length,
        0,
      );
      const days = facts.turnarounds
        .filter((t) => t.mentorId === mentorId && t.releasedAt.getTime() >= monthAgo)
        .map((t) => (t.releasedAt.getTime() - t.submittedAt.getTime()) / DAY_MS);
      const mid = median(days);
      return {
        mentorId,
        name: theirs[0]?.mentorName ?? "",
        fellows: theirs.length,
        waiting,
        reviewed: days.length,
        medianDays: mid === null ? null : Math.round(mid * 10) / 10,
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));

  return {
    cohort: facts.cohort,
    today,
    modules,
    headline: {
      active: active.length,
      withdrawn: facts.fellows.filter((f) => f.status === "withdrawn").length,
      movedOut: facts.fellows.filter((f) => f.status === "moved").length,
      programmeComplete: active.filter((f) => f.programmeComplete).length,
      atRisk: riskIds.size,
      waitingForReview: workload.reduce((n, w) => n + w.waiting, 0),
      averagePercent: active.length ? Math.round(active.reduce((n, f) => n + percent(f), 0) / active.length) : 0,
      unpaired: active.filter((f) => !f.mentorId).length,
    },
    matrix: sorted.map((f) => ({
      id: f.id,
      name: f.name,
      invited: f.invited,
      organizationName: f.organizationName,
      mentorName: f.mentorName,
      percent: percent(f),
      lastActivity: f.lastActivity ? dayOf(f.lastActivity) : null,
      practiceHours: f.practiceHours.approved,
      atRisk: riskIds.has(f.id),
      cells: modules.map((m) => f.cells[m.slug]),
    })),
    atRisk: atRisk
      .filter((r) => matches(r.fellow))
      .sort((a, b) => b.reasons.length - a.reasons.length || byName(a.fellow, b.fellow))
      .map((r) => ({ id: r.fellow.id, name: r.fellow.name, mentorName: r.fellow.mentorName, reasons: r.reasons })),
    workload,
    practiceByOrganisation: practiceByOrganisation(active, collator),
    requiredHours: facts.cohort.requiredPracticeHours,
    organisations: uniqueBy(active.filter((f) => f.organizationId), (f) => f.organizationId!).map((f) => ({ id: f.organizationId!, name: f.organizationName ?? "" })).sort((a, b) => collator.compare(a.name, b.name)),
    mentors: workload.map((w) => ({ id: w.mentorId, name: w.name })),
    charts: charts(facts, today),
  };
}

/** Approved and waiting practice hours per host organisation, and how many of its fellows have reached the requirement. */
function practiceByOrganisation(active: FellowFacts[], collator: Intl.Collator) {
  const rows = new Map<string, { name: string | null; fellows: number; approved: number; waiting: number }>();
  for (const f of active) {
    const key = f.organizationId ?? "";
    const row = rows.get(key) ?? { name: f.organizationName, fellows: 0, approved: 0, waiting: 0 };
    row.fellows++;
    row.approved += f.practiceHours.approved;
    row.waiting += f.practiceHours.waiting;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)));
}

function uniqueBy<T>(items: T[], keyOf: (item: T) => string) {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

/**
 * Two weekly series from the cohort's start (or the last 26 weeks) to today:
 * the share of required modules the active fellows have completed, and how
 * many modules were completed in each week.
 */
function charts(facts: CohortFacts, today: string) {
  const active = facts.fellows.filter((f) => f.status === "active");
  const end = today < facts.cohort.endsOn ? today : facts.cohort.endsOn;
  let start = weekOf(facts.cohort.startsOn);
  const weeksSpan = Math.floor(daysBetween(start, weekOf(end)) / 7);
  if (weeksSpan > 25) start = addDays(weekOf(end), -25 * 7);
  const weeks: string[] = [];
  for (let w = start; w <= end; w = addDays(w, 7)) weeks.push(w);
  const perWeek = new Map(weeks.map((w) => [w, 0]));
  const requiredDone: string[] = [];
  let before = 0;
  for (const f of active) {
    for (const [slug, at] of Object.entries(f.completedAt)) {
      const week = weekOf(dayOf(at));
      if (perWeek.has(week)) perWeek.set(week, perWeek.get(week)! + 1);
      if (facts.required.includes(slug)) {
        if (week < start) before++;
        else requiredDone.push(week);
      }
    }
  }
  const possible = active.length * facts.required.length;
  let running = before;
  const completion = weeks.map((w) => {
    running += requiredDone.filter((d) => d === w).length;
    return { week: w, percent: possible ? Math.round((running / possible) * 1000) / 10 : 0 };
  });
  return { completion, perWeek: weeks.map((w) => ({ week: w, count: perWeek.get(w)! })) };
}
