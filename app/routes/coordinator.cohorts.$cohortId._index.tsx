import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { BarChart, LineChart } from "~/components/cohorts/Charts";
import { CellLegend, ProgressCell } from "~/components/cohorts/ProgressCell";
import { PageTitle } from "~/components/form";
import { Pagination } from "~/components/Pagination";
import { SORTS, type Sort } from "~/domain/cohorts/limits";
import { cohortOverview, type RiskReason } from "~/domain/cohorts/overview.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { paginate } from "~/lib/paging";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "overview.title" };

const RISK_LIST_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const search = new URL(request.url).searchParams;
  const sort = (SORTS as readonly string[]).includes(search.get("sort") ?? "") ? (search.get("sort") as Sort) : "name";
  const filters = { sort, organizationId: search.get("organisation") || null, mentorId: search.get("mentor") || null };
  const overview = cohortOverview(params.cohortId ?? "", resolveLocale(request, user.locale), filters) ?? notFound();
  // A big cohort's matrix comes a page at a time; the counts above it cover everyone.
  const matrix = paginate(overview.matrix, search);
  return {
    ...overview,
    // The longest list of reasons first; a big cohort shows the first 50 here, the filters narrow it.
    atRisk: overview.atRisk.slice(0, RISK_LIST_SIZE),
    atRiskTotal: overview.atRisk.length,
    cohort: { id: overview.cohort.id, name: overview.cohort.name, startsOn: overview.cohort.startsOn, endsOn: overview.cohort.endsOn, archived: overview.cohort.archivedAt !== null },
    filters,
    shown: matrix.total,
    matrix: matrix.items,
    page: matrix.page,
    pages: matrix.pages,
  };
}

function Reason({ reason }: { reason: RiskReason }) {
  const { t } = useTranslation();
  if (reason.kind === "overdue") return <>{t("overview.risk.overdue", { number: reason.number, date: reason.dueOn })}</>;
  if (reason.kind === "revisionWaiting") return <>{t("overview.risk.revisionWaiting", { number: reason.number, count: reason.days })}</>;
  return <>{reason.days === null ? t("overview.risk.neverActive") : t("overview.risk.inactive", { count: reason.days })}</>;
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{value}</dd>
    </div>
  );
}

export default function CohortOverview() {
  const { t } = useTranslation();
  const o = useLoaderData<typeof loader>();
  const lastWeek = o.charts.completion.at(-1);
  return (
    <div>
      <p className="mb-2">
        <Link to="/coordinator/cohorts" className="text-brand-700 underline">
          ← {t("cohorts.back")}
        </Link>
      </p>
      <PageTitle>{o.cohort.name}</PageTitle>
      <p className="mb-2 text-slate-700">
        {o.cohort.startsOn} – {o.cohort.endsOn}
        {o.cohort.archived ? ` · ${t("cohorts.archived")}` : ""}
      </p>
      <nav aria-label={t("overview.cohortLinks")} className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li><Link className="text-brand-700 underline" to={`/coordinator/cohorts/${o.cohort.id}/edit`}>{t("cohorts.editShort")}</Link></li>
          <li><Link className="text-brand-700 underline" to={`/coordinator/people/import?cohort=${o.cohort.id}`}>{t("import.title")}</Link></li>
          <li><Link className="text-brand-700 underline" to={`/coordinator/cohorts/${o.cohort.id}/gradebook`}>{t("gradebook.title")}</Link></li>
          <li><Link className="text-brand-700 underline" to={`/coordinator/cohorts/${o.cohort.id}/report`}>{t("report.title")}</Link></li>
          <li><a className="text-brand-700 underline" href={`/coordinator/cohorts/${o.cohort.id}/fellows.csv`} download>{t("overview.fellowsCsv")}</a></li>
          <li><a className="text-brand-700 underline" href={`/coordinator/cohorts/${o.cohort.id}/gradebook.csv`} download>{t("gradebook.download")}</a></li>
          <li><a className="text-brand-700 underline" href={`/coordinator/cohorts/${o.cohort.id}/practice.csv`} download>{t("overview.practiceCsv")}</a></li>
        </ul>
      </nav>

      <section aria-labelledby="headline" className="mb-8">
        <h2 id="headline" className="sr-only">{t("overview.headline")}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t("overview.active")} value={o.headline.active} />
          <Stat label={t("overview.averageProgress")} value={`${o.headline.averagePercent}%`} />
          <Stat label={t("overview.programmeComplete")} value={o.headline.programmeComplete} />
          <Stat label={t("overview.atRiskCount")} value={o.headline.atRisk} />
          <Stat label={t("overview.waitingForReview")} value={o.headline.waitingForReview} />
          <Stat label={t("overview.withdrawn")} value={o.headline.withdrawn} />
          <Stat label={t("overview.movedOut")} value={o.headline.movedOut} />
          <Stat label={t("overview.unpaired")} value={o.headline.unpaired} />
        </dl>
      </section>

      <section aria-labelledby="matrix-heading" className="mb-8">
        <h2 id="matrix-heading" className="mb-2 text-xl font-semibold">{t("overview.matrix")}</h2>
        <Form method="get" className="mb-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="sort" className="block text-sm font-medium">{t("overview.sortBy")}</label>
            <select id="sort" name="sort" defaultValue={o.filters.sort} className="rounded border border-slate-500 bg-white px-2 py-1">
              {SORTS.map((s) => <option key={s} value={s}>{t(`overview.sort.${s}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="organisation" className="block text-sm font-medium">{t("enrolment.organisation")}</label>
            <select id="organisation" name="organisation" defaultValue={o.filters.organizationId ?? ""} className="rounded border border-slate-500 bg-white px-2 py-1">
              <option value="">{t("overview.all")}</option>
              {o.organisations.map((org) => <option key={org.id} value={org.id}>{org.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="mentor" className="block text-sm font-medium">{t("enrolment.mentor")}</label>
            <select id="mentor" name="mentor" defaultValue={o.filters.mentorId ?? ""} className="rounded border border-slate-500 bg-white px-2 py-1">
              <option value="">{t("overview.all")}</option>
              {o.mentors.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-500 px-3 py-1 font-semibold hover:bg-slate-100">{t("overview.apply")}</button>
        </Form>
        <CellLegend />
        {o.matrix.length === 0 ? (
          <p>{t("overview.noFellows")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="border-collapse bg-white text-left text-sm" data-testid="progress-matrix">
              <caption className="sr-only">{t("overview.matrixCaption", { count: o.shown })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-200 p-2">{t("people.name")}</th>
                  <th scope="col" className="border border-slate-200 p-2">{t("overview.progress")}</th>
                  {o.modules.map((m) => (
                    <th key={m.slug} scope="col" className="border border-slate-200 p-2 text-center" title={m.title}>
                      <abbr title={m.title} className="no-underline">{t("overview.moduleShort", { number: m.number })}</abbr>
                      {m.required ? null : <span className="block text-xs font-normal">{t("overview.optional")}</span>}
                    </th>
                  ))}
                  <th scope="col" className="border border-slate-200 p-2">{t("overview.practiceHours")}</th>
                  <th scope="col" className="border border-slate-200 p-2">{t("overview.lastActivity")}</th>
                </tr>
              </thead>
              <tbody>
                {o.matrix.map((f) => (
                  <tr key={f.id}>
                    <th scope="row" className="border border-slate-200 p-2 font-normal">
                      <Link to={`/fellows/${f.id}/progress`} className="font-medium text-brand-700 underline">{f.name}</Link>
                      {f.atRisk ? <span className="ml-1 rounded bg-red-800 px-1 text-xs font-semibold text-white">{t("overview.atRiskBadge")}</span> : null}
                      <span className="block text-xs text-slate-700">
                        {f.organizationName ?? t("overview.noOrganisation")} · {f.mentorName ?? t("overview.noMentor")}
                        {f.invited ? ` · ${t("people.invitedStatus")}` : ""}
                      </span>
                    </th>
                    <td className="border border-slate-200 p-2 text-right tabular-nums">{f.percent}%</td>
                    {f.cells.map((state, i) => <ProgressCell key={o.modules[i].slug} state={state} />)}
                    <td className="border border-slate-200 p-2 text-right tabular-nums">
                      <Link to={`/fellows/${f.id}/practice`} className="text-brand-700 underline">{f.practiceHours}</Link>
                    </td>
                    <td className="border border-slate-200 p-2 whitespace-nowrap">{f.lastActivity ?? t("overview.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={o.page} pages={o.pages} label={t("overview.pages")} />
      </section>

      <section aria-labelledby="risk-heading" className="mb-8">
        <h2 id="risk-heading" className="mb-2 text-xl font-semibold">{t("overview.atRisk")}</h2>
        <p className="mb-2 text-sm text-slate-700">{t("overview.atRiskIntro")}</p>
        {o.atRisk.length === 0 ? (
          <p>{t("overview.noneAtRisk")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="at-risk">
            {o.atRisk.map((r) => (
              <li key={r.id} className="p-3">
                <Link to={`/fellows/${r.id}/progress`} className="font-medium text-brand-700 underline">{r.name}</Link>
                {r.mentorName ? <span className="text-sm text-slate-700"> · {r.mentorName}</span> : null}
                <ul className="ml-5 list-disc text-sm">
                  {r.reasons.map((reason, i) => <li key={i}><Reason reason={reason} /></li>)}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {o.atRiskTotal > o.atRisk.length ? <p className="mt-2 text-sm">{t("overview.atRiskMore", { shown: o.atRisk.length, count: o.atRiskTotal })}</p> : null}
      </section>

      <section aria-labelledby="workload-heading" className="mb-8">
        <h2 id="workload-heading" className="mb-2 text-xl font-semibold">{t("overview.workload")}</h2>
        {o.workload.length === 0 ? (
          <p>{t("overview.noMentors")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">{t("enrolment.mentor")}</th>
                  <th scope="col" className="p-2 text-right">{t("overview.fellows")}</th>
                  <th scope="col" className="p-2 text-right">{t("overview.waiting")}</th>
                  <th scope="col" className="p-2 text-right">{t("overview.medianTurnaround")}</th>
                </tr>
              </thead>
              <tbody>
                {o.workload.map((w) => (
                  <tr key={w.mentorId} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-medium">{w.name}</th>
                    <td className="p-2 text-right tabular-nums">{w.fellows}</td>
                    <td className="p-2 text-right tabular-nums">{w.waiting}</td>
                    <td className="p-2 text-right tabular-nums">
                      {w.medianDays === null ? t("overview.noReviews") : t("overview.days", { count: w.medianDays, reviewed: w.reviewed })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="practice-heading" className="mb-8">
        <h2 id="practice-heading" className="mb-2 text-xl font-semibold">{t("overview.practiceTitle")}</h2>
        <p className="mb-2 text-sm text-slate-700">{t("overview.practiceIntro", { hours: o.requiredHours })}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left" data-testid="practice-by-organisation">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("enrolment.organisation")}</th>
                <th scope="col" className="p-2 text-right">{t("overview.fellows")}</th>
                <th scope="col" className="p-2 text-right">{t("practice.statuses.approved")}</th>
                <th scope="col" className="p-2 text-right">{t("practice.statuses.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {o.practiceByOrganisation.map((row) => (
                <tr key={row.name ?? ""} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-medium">{row.name ?? t("report.noOrganisation")}</th>
                  <td className="p-2 text-right tabular-nums">{row.fellows}</td>
                  <td className="p-2 text-right tabular-nums">{row.approved}</td>
                  <td className="p-2 text-right tabular-nums">{row.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="charts-heading" className="mb-8">
        <h2 id="charts-heading" className="mb-2 text-xl font-semibold">{t("overview.charts")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <LineChart
            title={t("overview.completionOverTime")}
            summary={t("overview.completionSummary", { percent: lastWeek?.percent ?? 0, weeks: o.charts.completion.length })}
            points={o.charts.completion.map((p) => ({ label: p.week, value: p.percent }))}
          />
          <BarChart
            title={t("overview.completedPerWeek")}
            summary={t("overview.perWeekSummary", { count: o.charts.perWeek.reduce((n, p) => n + p.count, 0), weeks: o.charts.perWeek.length })}
            points={o.charts.perWeek.map((p) => ({ label: p.week, value: p.count }))}
          />
        </div>
      </section>
    </div>
  );
}
