import type { LoaderFunctionArgs } from "@remix-run/node";
import { gradebook, gradebookCsv } from "~/domain/assignments/gradebook.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse } from "~/lib/csv.server";
import { getFixedT, resolveLocale } from "~/lib/i18n/i18n.server";

/** The gradebook as CSV (UTF-8 with BOM), in the coordinator's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const locale = resolveLocale(request, user.locale);
  const t = getFixedT(locale);
  const book = gradebook(params.cohortId ?? "", locale);
  const csv = gradebookCsv(book, (status) => t(`assignments.status.${status ?? "none"}`));
  return csvResponse(csv, `gradebook-${book.cohort.id}.csv`);
}
