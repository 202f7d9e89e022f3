import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { AssignmentStatusBadge } from "~/components/AssignmentStatusBadge";
import { PageTitle } from "~/components/form";
import { Pagination } from "~/components/Pagination";
import { gradebook } from "~/domain/assignments/gradebook.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { paginate } from "~/lib/paging";

export const handle = { titleKey: "gradebook.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const book = gradebook(params.cohortId ?? "", resolveLocale(request, user.locale));
  const rows = paginate(book.rows, new URL(request.url).searchParams);
  return { ...book, rows: rows.items, page: rows.page, pages: rows.pages };
}

export default function Gradebook() {
  const { t } = useTranslation();
  const book = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>
        {t("gradebook.title")}: {book.cohort.name}
      </PageTitle>
      <p className="mb-4">
        <a href={`/coordinator/cohorts/${book.cohort.id}/gradebook.csv`} className="font-semibold text-brand-700 underline" download>
          {t("gradebook.download")}
        </a>
      </p>
      <div className="overflow-x-auto">
        <table className="border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("gradebook.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t("gradebook.fellow")}</th>
              {book.modules.map((m) => (
                <th key={m.slug} scope="col" className="p-2 align-bottom">
                  {m.moduleTitle}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {book.rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-medium">
                  <Link to={`/fellows/${r.id}/progress`} className="text-brand-700 underline">
                    {r.name}
                  </Link>
                </th>
                {r.cells.map((c, i) => (
                  <td key={book.modules[i].slug} className="p-2">
                    {c.submissionId ? (
                      <Link to={`/mentor/reviews/${c.submissionId}`} className="block">
                        <AssignmentStatusBadge status={c.status} />
                      </Link>
                    ) : (
                      <AssignmentStatusBadge status={c.status} />
                    )}
                    {c.points !== null ? (
                      <span className="mt-1 block text-xs">{t("assignments.total", { total: c.points, max: book.modules[i].max })}</span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={book.page} pages={book.pages} label={t("overview.pages")} />
    </div>
  );
}
