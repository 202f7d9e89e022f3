import type { LoaderFunctionArgs } from "@remix-run/node";
import { donorReport, donorReportCsv } from "~/domain/cohorts/report.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse } from "~/lib/csv.server";
import { notFound } from "~/lib/http.server";
import { getFixedT, resolveLocale } from "~/lib/i18n/i18n.server";

/** The donor report as CSV (UTF-8 with BOM), in the coordinator's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const report = donorReport(params.cohortId ?? "") ?? notFound();
  const t = getFixedT(resolveLocale(request, user.locale));
  return csvResponse(donorReportCsv(report, (key) => t(key)), `donor-report-${report.cohort.id}.csv`);
}
