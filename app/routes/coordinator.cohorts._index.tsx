import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/form";
import { listCohorts } from "~/domain/assignments/gradebook.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "cohorts.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return { cohorts: listCohorts().map((c) => ({ id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn })) };
}

export default function Cohorts() {
  const { t } = useTranslation();
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("cohorts.title")}</PageTitle>
      <ul className="space-y-3">
        {cohorts.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 bg-white p-4">
            <p className="font-semibold">{c.name}</p>
            <p className="text-sm text-slate-700">
              {c.startsOn} – {c.endsOn}
            </p>
            <Link to={`/coordinator/cohorts/${c.id}/gradebook`} className="text-brand-700 underline">
              {t("gradebook.title")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
