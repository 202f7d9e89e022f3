import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/form";
import { getFellowPlacement } from "~/domain/cohorts/placements.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "dashboard.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return { name: user.displayName, placement: getFellowPlacement(user.id) };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, placement } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("dashboard.welcome", { name })}</PageTitle>
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
              {placement.organizationName
                ? `${placement.organizationName} (${placement.municipality})`
                : t("dashboard.notAssigned")}
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
