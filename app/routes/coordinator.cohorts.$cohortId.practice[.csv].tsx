import type { LoaderFunctionArgs } from "@remix-run/node";
import { approvedPracticeCsv } from "~/domain/practice/practice-csv.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse } from "~/lib/csv.server";
import { notFound } from "~/lib/http.server";
import { getFixedT, resolveLocale } from "~/lib/i18n/i18n.server";

/** The cohort's approved practice hours as CSV (UTF-8 with BOM). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const t = getFixedT(resolveLocale(request, user.locale));
  const csv = approvedPracticeCsv(params.cohortId ?? "", (key) => t(key)) ?? notFound();
  return csvResponse(csv, `practice-hours-${params.cohortId}.csv`);
}
