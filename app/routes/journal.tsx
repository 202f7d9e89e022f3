import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { getJournal } from "~/domain/progress/journal.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "journal.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return { entries: getJournal(user.id, resolveLocale(request, user.locale)) };
}

export default function Journal() {
  const { t } = useTranslation();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("journal.title")}</PageTitle>
      <p className="mb-4">{t("journal.intro")}</p>
      {entries.length === 0 ? <p>{t("journal.empty")}</p> : null}
      <ol className="space-y-4">
        {entries.map((e) => (
          <li key={`${e.slug}-${e.reflectionId}`} className="rounded border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">
              <Link to={`/modules/${e.slug}#reflection-${e.reflectionId}-box`} className="text-brand-700 underline">
                {e.moduleTitle}
              </Link>{" "}
              · {e.updatedAt.slice(0, 10)}
            </p>
            <p className="mt-1 font-semibold">{e.prompt}</p>
            <p className="mt-2 whitespace-pre-wrap">{e.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
