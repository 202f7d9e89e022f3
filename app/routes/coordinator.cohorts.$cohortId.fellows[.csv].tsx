import type { LoaderFunctionArgs } from "@remix-run/node";
import { fellowsCsv } from "~/domain/cohorts/report.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse } from "~/lib/csv.server";
import { notFound } from "~/lib/http.server";
import { getFixedT, resolveLocale } from "~/lib/i18n/i18n.server";

/** Every fellow of the cohort with their progress, as CSV (UTF-8 with BOM). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const locale = resolveLocale(request, user.locale);
  const t = getFixedT(locale);
  const result = fellowsCsv(params.cohortId ?? "", locale, (key) => t(key)) ?? notFound();
  return csvResponse(result.csv, `fellows-${result.cohortId}.csv`);
}
