import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { listCohortSummaries } from "~/domain/cohorts/cohorts.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "cohorts.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return { cohorts: listCohortSummaries().map((c) => ({ ...c, archived: c.archivedAt !== null, archivedAt: undefined })) };
}

export default function Cohorts() {
  const { t } = useTranslation();
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <PageTitle>{t("cohorts.title")}</PageTitle>
        <Link to="/coordinator/cohorts/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("cohorts.new")}
        </Link>
      </div>
      {cohorts.length === 0 ? (
        <p>{t("cohorts.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{t("cohorts.title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("cohorts.name")}</th>
                <th scope="col" className="p-2">{t("cohorts.region")}</th>
                <th scope="col" className="p-2">{t("cohorts.dates")}</th>
                <th scope="col" className="p-2 text-right">{t("cohorts.activeFellows")}</th>
                <th scope="col" className="p-2 text-right">{t("cohorts.withdrawnFellows")}</th>
                <th scope="col" className="p-2 text-right">{t("cohorts.modules")}</th>
                <th scope="col" className="p-2">{t("cohorts.links")}</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-medium">
                    <Link to={`/coordinator/cohorts/${c.id}`} className="text-brand-700 underline">
                      {c.name}
                    </Link>
                    {c.archived ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-normal">{t("cohorts.archived")}</span> : null}
                  </th>
                  <td className="p-2">{t(`regions.${c.region}`)}</td>
                  <td className="p-2 whitespace-nowrap">
                    {c.startsOn} – {c.endsOn}
                  </td>
                  <td className="p-2 text-right tabular-nums">{c.active}</td>
                  <td className="p-2 text-right tabular-nums">{c.withdrawn}</td>
                  <td className="p-2 text-right tabular-nums">{c.modules}</td>
                  <td className="p-2">
                    <ul className="flex flex-wrap gap-x-3">
                      <li>
                        <Link to={`/coordinator/cohorts/${c.id}/edit`} className="text-brand-700 underline">
                          {t("cohorts.editShort")}
                          <span className="sr-only">: {c.name}</span>
                        </Link>
                      </li>
                      <li>
                        <Link to={`/coordinator/cohorts/${c.id}/gradebook`} className="text-brand-700 underline">
                          {t("gradebook.title")}
                          <span className="sr-only">: {c.name}</span>
                        </Link>
                      </li>
                      <li>
                        <Link to={`/coordinator/cohorts/${c.id}/report`} className="text-brand-700 underline">
                          {t("report.title")}
                          <span className="sr-only">: {c.name}</span>
                        </Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
