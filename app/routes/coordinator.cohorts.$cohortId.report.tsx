import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { donorReport } from "~/domain/cohorts/report.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";

export const handle = { titleKey: "report.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  const report = donorReport(params.cohortId ?? "") ?? notFound();
  return { ...report, cohort: { id: report.cohort.id, name: report.cohort.name, startsOn: report.cohort.startsOn, endsOn: report.cohort.endsOn } };
}

type Row = { name: string; enrolled: number; active: number; withdrawn: number; completed: number; modulesCompleted: number; assignmentsApproved: number; practiceHours: number; certificates: number };

function CountsTable({ caption, firstColumn, rows, total }: { caption: string; firstColumn: string; rows: Row[]; total: Row }) {
  const { t } = useTranslation();
  const cells = (r: Row) =>
    [r.enrolled, r.active, r.withdrawn, r.completed, r.modulesCompleted, r.assignmentsApproved, r.practiceHours, r.certificates].map((n, i) => (
      <td key={i} className="p-2 text-right tabular-nums">{n}</td>
    ));
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left">
        <caption className="mb-2 text-left text-xl font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{firstColumn}</th>
            <th scope="col" className="p-2 text-right">{t("report.enrolled")}</th>
            <th scope="col" className="p-2 text-right">{t("report.active")}</th>
            <th scope="col" className="p-2 text-right">{t("report.withdrawn")}</th>
            <th scope="col" className="p-2 text-right">{t("report.completed")}</th>
            <th scope="col" className="p-2 text-right">{t("report.modulesCompleted")}</th>
            <th scope="col" className="p-2 text-right">{t("report.assignmentsApproved")}</th>
            <th scope="col" className="p-2 text-right">{t("report.practiceHours")}</th>
            <th scope="col" className="p-2 text-right">{t("report.certificates")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-medium">{r.name || t("report.noOrganisation")}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-400 font-semibold">
            <th scope="row" className="p-2">{t("report.total")}</th>
            {cells(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function DonorReport() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="mb-2">
        <Link to={`/coordinator/cohorts/${r.cohort.id}`} className="text-brand-700 underline">← {t("cohorts.backToCohort")}</Link>
      </p>
      <PageTitle>{t("report.title")}: {r.cohort.name}</PageTitle>
      <p className="mb-4 text-slate-700">{t("report.intro", { start: r.cohort.startsOn, end: r.cohort.endsOn })}</p>
      <p className="mb-6">
        <a href={`/coordinator/cohorts/${r.cohort.id}/report.csv`} download className="rounded border border-slate-500 px-3 py-2 font-semibold hover:bg-slate-100">
          {t("report.downloadCsv")}
        </a>
      </p>
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["report.enrolled", r.total.enrolled],
            ["report.active", r.total.active],
            ["report.withdrawn", r.total.withdrawn],
            ["report.completed", r.total.completed],
            ["report.modulesCompleted", r.total.modulesCompleted],
            ["report.assignmentsApproved", r.total.assignmentsApproved],
            ["report.practiceHours", r.total.practiceHours],
            ["report.medianTurnaround", r.medianTurnaroundDays === null ? "—" : t("report.days", { count: r.medianTurnaroundDays })],
            ["report.certificates", r.total.certificates],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(key)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-6 text-sm text-slate-700">{t("report.notes")}</p>
      <CountsTable caption={t("report.byOrganisation")} firstColumn={t("enrolment.organisation")} rows={r.byOrganisation} total={{ ...r.total, name: "" }} />
      <CountsTable caption={t("report.byMunicipality")} firstColumn={t("organisations.municipality")} rows={r.byMunicipality} total={{ ...r.total, name: "" }} />
    </div>
  );
}
