import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { ModuleProgressTable } from "~/components/ModuleProgressTable";
import { ProgressBar } from "~/components/ProgressBar";
import { getFellowProgress } from "~/domain/progress/fellow-progress.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "progress.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return {
    ...getFellowProgress(user, params.fellowId ?? "", resolveLocale(request, user.locale)),
    viewerIsFellow: user.role === "fellow",
  };
}

export default function FellowProgress() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("progress.heading", { name: data.fellow.displayName })}</PageTitle>
      {data.cohortName ? <p className="mb-4">{t("dashboard.cohort")}: {data.cohortName}</p> : <p className="mb-4">{t("dashboard.notEnrolled")}</p>}
      <div className="mb-6 max-w-md">
        <ProgressBar
          value={data.summary.percent}
          label={t("progress.programme", { done: data.summary.requiredComplete, total: data.summary.requiredTotal })}
        />
      </div>
      <ModuleProgressTable rows={data.modules} linkModules />
    </div>
  );
}
