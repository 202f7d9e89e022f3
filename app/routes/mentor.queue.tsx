import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { reviewQueue } from "~/domain/assignments/reviews.server";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "review.queueTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "mentor" });
  const locale = resolveLocale(request, user.locale);
  const now = Date.now();
  return {
    items: reviewQueue(user.id).map((s) => ({
      id: s.id,
      fellowName: s.fellowName,
      attempt: s.attempt,
      late: s.late,
      moduleTitle: (() => {
        const mod = getModule(s.moduleSlug);
        return mod ? moduleInLocale(mod, locale).version.frontmatter.title : s.moduleSlug;
      })(),
      daysWaiting: s.submittedAt ? Math.floor((now - s.submittedAt.getTime()) / 86_400_000) : 0,
    })),
  };
}

export default function ReviewQueue() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("review.queueTitle")}</PageTitle>
      {items.length === 0 ? (
        <p>{t("review.queueEmpty")}</p>
      ) : (
        <ol className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="rounded border border-slate-200 bg-white p-4">
              <Link to={`/mentor/reviews/${item.id}`} className="font-semibold text-brand-700 underline">
                {item.fellowName} — {item.moduleTitle}
              </Link>
              <p className="text-sm text-slate-700">
                {t("assignments.attempt", { number: item.attempt })} · {t("review.daysWaiting", { count: item.daysWaiting })}
                {item.late ? <> · {t("assignments.late")}</> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
