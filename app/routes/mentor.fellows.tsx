import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/form";
import { listMentorFellows } from "~/domain/cohorts/placements.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "mentor.fellowsTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "mentor" });
  return { fellows: listMentorFellows(user.id) };
}

export default function MentorFellows() {
  const { t } = useTranslation();
  const { fellows } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("mentor.fellowsTitle")}</PageTitle>
      <p className="mb-4">{t("mentor.fellowsIntro")}</p>
      {fellows.length === 0 ? (
        <p>{t("mentor.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("mentor.name")}</th>
                <th scope="col" className="p-2">{t("mentor.cohort")}</th>
                <th scope="col" className="p-2">{t("mentor.organisation")}</th>
                <th scope="col" className="p-2">{t("mentor.email")}</th>
                <th scope="col" className="p-2">{t("mentor.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {fellows.map((f) => (
                <tr key={f.fellowId} className="border-b border-slate-200">
                  <td className="p-2 font-medium">{f.name}</td>
                  <td className="p-2">{f.cohortName}</td>
                  <td className="p-2">{f.organizationName ?? "—"}</td>
                  <td className="p-2 break-all">{f.email}</td>
                  <td className="p-2">
                    <Link to={`/fellows/${f.fellowId}/progress`} className="text-brand-700 underline">
                      {t("mentor.progress")}
                      <span className="sr-only">: {f.name}</span>
                    </Link>
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
