import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { AssignmentStatusBadge } from "~/components/AssignmentStatusBadge";
import { PageTitle } from "~/components/form";
import { listFellowAssignments } from "~/domain/assignments/fellow-list.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "assignments.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return { assignments: listFellowAssignments(user.id, resolveLocale(request, user.locale)) };
}

export default function Assignments() {
  const { t } = useTranslation();
  const { assignments } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("assignments.title")}</PageTitle>
      {assignments.length === 0 ? <p>{t("assignments.none")}</p> : null}
      <ul className="space-y-3">
        {assignments.map((a) => (
          <li key={a.slug} className="rounded border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{a.moduleTitle}</p>
            <Link to={`/modules/${a.slug}/assignment`} className="font-semibold text-brand-700 underline">
              {a.title}
            </Link>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <AssignmentStatusBadge status={a.status} />
              {a.attempt > 1 ? <span>{t("assignments.attempt", { number: a.attempt })}</span> : null}
              {a.dueOn ? <span>{t("modules.dueOn", { date: a.dueOn })}</span> : null}
              {a.daysLate > 0 ? <strong className="text-red-800">{t("modules.daysLate", { count: a.daysLate })}</strong> : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
