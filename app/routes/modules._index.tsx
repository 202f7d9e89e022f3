import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { ModuleStatusBadge } from "~/components/ModuleStatusBadge";
import { ProgressBar } from "~/components/ProgressBar";
import { SaveForOffline, SavedForOffline, useSavedPages } from "~/components/SaveForOffline";
import { listModulesFor } from "~/domain/content/module-list.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "modules.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const list = listModulesFor(user, resolveLocale(request, user.locale));
  // A fellow may keep every module open to them for offline reading.
  const offlinePaths = list.kind === "schedule" ? list.modules.filter((m) => !m.locked).map((m) => `/modules/${m.slug}`) : [];
  return { ...list, offlinePaths };
}

/** Saved with the modules so a fellow can move between them offline. */
const OFFLINE_NAVIGATION = ["/modules", "/dashboard"];

export default function Modules() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [saved, setSaved] = useSavedPages();
  return (
    <div>
      <PageTitle>{t("modules.title")}</PageTitle>
      <p className="mb-4 flex flex-wrap gap-4">
        <Link to="/search" className="text-brand-700 underline">
          {t("modules.searchLink")}
        </Link>
        <Link to="/glossary" className="text-brand-700 underline">
          {t("modules.glossaryLink")}
        </Link>
      </p>
      {data.kind === "schedule" && !data.enrolled ? <p>{t("dashboard.notEnrolled")}</p> : null}
      <SaveForOffline
        modulePaths={data.offlinePaths}
        alsoSave={OFFLINE_NAVIGATION}
        onSaved={(savedAt) => setSaved((before) => ({ ...before, ...savedAt }))}
      />
      <ol className="space-y-4">
        {data.modules.map((m) => {
          const scheduled = "status" in m ? m : null;
          return (
            <li key={m.slug} className="rounded border border-slate-200 bg-white p-4">
              <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {scheduled?.locked ? (
                    <span>
                      {m.number}. {m.title}
                    </span>
                  ) : (
                    <Link to={`/modules/${m.slug}`} className="text-brand-700 underline">
                      {m.number}. {m.title}
                    </Link>
                  )}
                </h2>
                {scheduled ? <ModuleStatusBadge status={scheduled.status} locked={scheduled.locked} /> : null}
              </div>
              <p className="mb-2 text-slate-700">{m.summary}</p>
              <p className="mb-2 text-sm text-slate-600">
                {t("modules.minutes", { count: m.estimatedMinutes })}
                {scheduled ? (
                  <>
                    {" · "}
                    {scheduled.locked ? t("modules.opensOn", { date: scheduled.opensOn }) : t("modules.openedOn", { date: scheduled.opensOn })}
                    {scheduled.dueOn ? <> · {t("modules.dueOn", { date: scheduled.dueOn })}</> : null}
                    {scheduled.daysLate > 0 ? (
                      <strong className="text-red-800"> · {t("modules.daysLate", { count: scheduled.daysLate })}</strong>
                    ) : null}
                    {!scheduled.required ? <> · {t("modules.optional")}</> : null}
                  </>
                ) : null}
              </p>
              {scheduled && !scheduled.locked ? (
                <ProgressBar
                  value={scheduled.percent}
                  label={t("modules.sectionsRead", { read: scheduled.sectionsRead, total: scheduled.sectionsTotal })}
                />
              ) : null}
              {scheduled && !scheduled.locked ? <SavedForOffline savedAt={saved[`/modules/${m.slug}`]} /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
