import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { ProgressBar } from "~/components/ProgressBar";
import { getFellowPlacement } from "~/domain/cohorts/placements.server";
import { getDashboard } from "~/domain/progress/fellow-progress.server";
import { fellowTotals } from "~/domain/practice/hours.server";
import { formatHours } from "~/components/practice/PracticeTotals";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "dashboard.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return {
    name: user.displayName,
    fellowId: user.id,
    placement: getFellowPlacement(user.id),
    dashboard: getDashboard(user.id, resolveLocale(request, user.locale)),
    practice: fellowTotals(user.id),
  };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, fellowId, placement, dashboard, practice } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle>{t("dashboard.welcome", { name })}</PageTitle>
      {dashboard.enrolled ? (
        <section aria-labelledby="programme-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="programme-heading" className="mb-3 text-xl font-semibold">
            {t("dashboard.programme")}
          </h2>
          <ProgressBar
            value={dashboard.summary.percent}
            label={t("progress.programme", { done: dashboard.summary.requiredComplete, total: dashboard.summary.requiredTotal })}
          />
          {dashboard.next ? (
            <p className="mt-4">
              <Link
                to={`/modules/${dashboard.next.slug}${dashboard.next.continueTo ? `#${dashboard.next.continueTo}` : ""}`}
                className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white"
              >
                {t("dashboard.continueModule", { title: dashboard.next.title })}
              </Link>
            </p>
          ) : null}
          <p className="mt-3 text-sm">
            <Link to={`/fellows/${fellowId}/progress`} className="text-brand-700 underline">
              {t("dashboard.seeProgress")}
            </Link>
            {" · "}
            <Link to="/journal" className="text-brand-700 underline">
              {t("dashboard.journalLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {dashboard.enrolled ? (
        <section aria-labelledby="practice-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="practice-heading" className="mb-3 text-xl font-semibold">
            {t("practice.title")}
          </h2>
          <ProgressBar value={practice.percent} label={t("practice.progress", { approved: formatHours(practice.approved), required: practice.required })} />
          <p className="mt-2 text-sm" data-testid="dashboard-hours">
            {t("practice.dashboardLine", { waiting: formatHours(practice.waiting), returned: formatHours(practice.returned) })}{" "}
            <Link to="/practice" className="text-brand-700 underline">
              {t("practice.logLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {dashboard.overdue.length > 0 || dashboard.dueSoon.length > 0 ? (
        <section aria-labelledby="deadlines-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="deadlines-heading" className="mb-3 text-xl font-semibold">
            {t("dashboard.deadlines")}
          </h2>
          <ul className="space-y-2">
            {dashboard.overdue.map((m) => (
              <li key={m.slug}>
                <strong className="text-red-800">{t("dashboard.overdue")}</strong>{" "}
                <Link to={`/modules/${m.slug}`} className="text-brand-700 underline">
                  {m.title}
                </Link>{" "}
                — {t("modules.dueOn", { date: m.dueOn })} ({t("modules.daysLate", { count: m.daysLate })})
              </li>
            ))}
            {dashboard.dueSoon.map((m) => (
              <li key={m.slug}>
                <Link to={`/modules/${m.slug}`} className="text-brand-700 underline">
                  {m.title}
                </Link>{" "}
                — {t("modules.dueOn", { date: m.dueOn })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dashboard.recent.length > 0 ? (
        <section aria-labelledby="results-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="results-heading" className="mb-3 text-xl font-semibold">
            {t("dashboard.recentResults")}
          </h2>
          <ul className="space-y-1">
            {dashboard.recent.map((a) => (
              <li key={a.createdAt}>
                {a.title}: {t("modules.kcScore", { correct: a.correct, total: a.total, percent: a.scorePercent })}{" "}
                <span className="text-sm text-slate-600">({a.createdAt.slice(0, 10)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="placement-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="placement-heading" className="mb-3 text-xl font-semibold">
          {t("dashboard.yourPlacement")}
        </h2>
        {placement ? (
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t("dashboard.cohort")}</dt>
            <dd>{placement.cohortName}</dd>
            <dt className="font-medium">{t("dashboard.dates")}</dt>
            <dd>
              <time dateTime={placement.startsOn}>{placement.startsOn}</time> –{" "}
              <time dateTime={placement.endsOn}>{placement.endsOn}</time>
            </dd>
            <dt className="font-medium">{t("dashboard.organisation")}</dt>
            <dd>
              {placement.organizationName ? `${placement.organizationName} (${placement.municipality})` : t("dashboard.notAssigned")}
            </dd>
            <dt className="font-medium">{t("dashboard.mentor")}</dt>
            <dd>{placement.mentorName ?? t("dashboard.notAssigned")}</dd>
          </dl>
        ) : (
          <p>{t("dashboard.notEnrolled")}</p>
        )}
      </section>
    </div>
  );
}
