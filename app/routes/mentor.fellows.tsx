import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { listMentorFellows, waitingFor } from "~/domain/cohorts/placements.server";
import { programmeSummary } from "~/domain/progress/fellow-progress.server";
import { getFellowSchedule } from "~/domain/progress/progress.server";
import { programmeToday } from "~/lib/dates.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "mentor.fellowsTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "mentor" });
  const fellows = listMentorFellows(user.id);
  const waiting = waitingFor(
    fellows.map((f) => f.fellowId),
    user.id,
  );
  const today = programmeToday();
  return {
    fellows: fellows.map((f) => ({
      ...f,
      summary: programmeSummary(getFellowSchedule(f.fellowId, today).modules),
      waiting: waiting.get(f.fellowId) ?? { forMentor: 0, forFellow: 0 },
    })),
  };
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
                <th scope="col" className="p-2">{t("mentor.waiting")}</th>
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
                      {t("progress.programme", { done: f.summary.requiredComplete, total: f.summary.requiredTotal })}
                      <span className="sr-only">: {f.name}</span>
                    </Link>
                  </td>
                  <td className="p-2 text-sm">
                    {f.waiting.forMentor > 0 ? (
                      <Link to="/mentor/queue" className="block font-semibold text-brand-700 underline">
                        {t("mentor.waitingForYou", { count: f.waiting.forMentor })}
                      </Link>
                    ) : null}
                    {f.waiting.forFellow > 0 ? <span className="block">{t("mentor.waitingForFellow", { count: f.waiting.forFellow })}</span> : null}
                    {f.waiting.forMentor === 0 && f.waiting.forFellow === 0 ? "—" : null}
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
