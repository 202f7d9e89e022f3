import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { glossary } from "~/domain/content/glossary.server";
import { readableModuleSlugs } from "~/domain/content/module-list.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "glossary.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const locale = resolveLocale(request, user.locale);
  return { locale, entries: glossary(readableModuleSlugs(user), locale) };
}

export default function Glossary() {
  const { t } = useTranslation();
  const { locale, entries } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("glossary.title")}</PageTitle>
      <p className="mb-4">{t("glossary.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("glossary.empty")}</p>
      ) : (
        <dl className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {entries.map((e) => (
            <div key={`${e.slug}-${e.anchor}`} className="p-3" lang={e.locale}>
              <dt className="font-semibold">{e.term}</dt>
              <dd className="mt-1">
                {e.definition}{" "}
                <Link to={`/modules/${e.slug}#${e.anchor}`} className="text-sm text-brand-700 underline" lang={locale}>
                  {t("glossary.introducedIn", { module: e.moduleTitle })}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
