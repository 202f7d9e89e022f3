import { and, eq, isNull } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getDb } from "~/lib/db.server";
import { toCsv } from "~/lib/csv.server";
import type { Locale } from "~/lib/i18n/config";
import { DAY_MS, cohortFacts, median, type CellState, type FellowFacts } from "./facts.server";

type Counts = {
  enrolled: number;
  active: number;
  withdrawn: number;
  completed: number;
  modulesCompleted: number;
  assignmentsApproved: number;
  practiceHours: number;
  certificates: number;
};

const empty = (): Counts => ({ enrolled: 0, active: 0, withdrawn: 0, completed: 0, modulesCompleted: 0, assignmentsApproved: 0, practiceHours: 0, certificates: 0 });

/** Fellows who moved to another cohort are counted there, not twice. */
function counted(f: FellowFacts) {
  return f.status !== "moved";
}

function add(counts: Counts, f: FellowFacts, certified: Set<string>) {
  counts.enrolled++;
  if (certified.has(f.id)) counts.certificates++;
  if (f.status === "active") counts.active++;
  if (f.status === "withdrawn") counts.withdrawn++;
  if (f.status === "completed" || f.programmeComplete) counts.completed++;
  counts.modulesCompleted += Object.keys(f.completedAt).length;
  counts.assignmentsApproved += Object.values(f.latest).filter((l) => l.status === "approved").length;
  counts.practiceHours += f.practiceHours.approved;
}

/**
 * The donor's indicators for one cohort: fellows enrolled, active, withdrawn
 * and completed — overall, by host organisation and by municipality —
 * modules completed, assignments approved and the median days from
 * submission to released feedback.
 */
export function donorReport(cohortId: string) {
  const facts = cohortFacts(cohortId);
  if (!facts) return null;
  const fellows = facts.fellows.filter(counted);
  // Certificates in force for this cohort: one more query, whatever the cohort's size.
  const certified = new Set(
    getDb()
      .select({ fellowId: schema.certificates.fellowId })
      .from(schema.certificates)
      .where(and(eq(schema.certificates.cohortId, cohortId), isNull(schema.certificates.revokedAt)))
      .all()
      .map((c) => c.fellowId),
  );
  const total = empty();
  const byOrganisation = new Map<string, { name: string; municipality: string; counts: Counts }>();
  const byMunicipality = new Map<string, Counts>();
  for (const f of fellows) {
    add(total, f, certified);
    const orgKey = f.organizationId ?? "";
    if (!byOrganisation.has(orgKey)) byOrganisation.set(orgKey, { name: f.organizationName ?? "", municipality: f.municipality ?? "", counts: empty() });
    add(byOrganisation.get(orgKey)!.counts, f, certified);
    const place = f.municipality ?? "";
    if (!byMunicipality.has(place)) byMunicipality.set(place, empty());
    add(byMunicipality.get(place)!, f, certified);
  }
  const turnaround = median(facts.turnarounds.map((t) => (t.releasedAt.getTime() - t.submittedAt.getTime()) / DAY_MS));
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name === "" ? 1 : b.name === "" ? -1 : a.name.localeCompare(b.name));
  return {
    cohort: facts.cohort,
    total,
    medianTurnaroundDays: turnaround === null ? null : Math.round(turnaround * 10) / 10,
    reviewsReleased: facts.turnarounds.length,
    byOrganisation: [...byOrganisation.values()].map((o) => ({ ...o.counts, name: o.name, municipality: o.municipality })).sort(byName),
    byMunicipality: [...byMunicipality.entries()].map(([name, counts]) => ({ ...counts, name })).sort(byName),
  };
}

export type DonorReport = NonNullable<ReturnType<typeof donorReport>>;

/** The donor report as CSV: one row per organisation, per municipality, and the total. */
export function donorReportCsv(report: DonorReport, t: (key: string) => string) {
  const header = [t("report.group"), t("report.name"), t("report.municipality"), t("report.enrolled"), t("report.active"), t("report.withdrawn"), t("report.completed"), t("report.modulesCompleted"), t("report.assignmentsApproved"), t("report.practiceHours"), t("report.certificates")];
  const row = (group: string, name: string, municipality: string, c: Counts) => [group, name, municipality, c.enrolled, c.active, c.withdrawn, c.completed, c.modulesCompleted, c.assignmentsApproved, c.practiceHours, c.certificates];
  return toCsv(header, [
    ...report.byOrganisation.map((o) => row(t("report.byOrganisation"), o.name || t("report.noOrganisation"), o.municipality, o)),
    ...report.byMunicipality.map((m) => row(t("report.byMunicipality"), m.name || t("report.noOrganisation"), m.name, m)),
    row(t("report.total"), report.cohort.name, "", report.total),
    [t("report.medianTurnaround"), report.medianTurnaroundDays ?? "", "", "", "", "", "", "", "", "", ""],
  ]);
}

/** Every fellow of the cohort with their progress, one column per scheduled module. */
export function fellowsCsv(cohortId: string, locale: Locale, t: (key: string) => string) {
  const facts = cohortFacts(cohortId);
  if (!facts) return null;
  const titles = facts.schedule.map((m) => moduleInLocale(getModule(m.moduleSlug)!, locale).version.frontmatter.title);
  const header = [
    t("people.name"),
    t("people.email"),
    t("enrolment.status"),
    t("enrolment.organisation"),
    t("organisations.municipality"),
    t("enrolment.mentor"),
    t("overview.requiredComplete"),
    t("overview.lastActivity"),
    t("report.practiceHours"),
    ...titles,
  ];
  const collator = new Intl.Collator(locale);
  const rows = [...facts.fellows]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((f) => [
      f.name,
      f.email,
      t(`enrolment.statuses.${f.status}`),
      f.organizationName ?? "",
      f.municipality ?? "",
      f.mentorName ?? "",
      `${f.requiredComplete}/${facts.required.length}`,
      f.lastActivity ? f.lastActivity.toISOString().slice(0, 10) : "",
      f.practiceHours.approved,
      ...facts.schedule.map((m) => t(`overview.cell.${f.cells[m.moduleSlug] satisfies CellState}`)),
    ]);
  return { csv: toCsv(header, rows), cohortId: facts.cohort.id };
}
