import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { listNotifications, markAllRead } from "~/domain/notifications/notifications.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "notifications.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { items: listNotifications(user.id, resolveLocale(request, user.locale)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  markAllRead(user.id);
  return redirectWithFlash(request, "/notifications", { key: "notifications.allRead" });
}

export default function Notifications() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("notifications.title")}</PageTitle>
      {items.some((n) => !n.read) ? (
        <Form method="post" className="mb-4">
          <button type="submit" className="rounded border border-slate-500 px-3 py-1">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p>{t("notifications.none")}</p> : null}
      <ol className="space-y-2">
        {items.map((n) => (
          <li key={n.id} className={`rounded border p-3 ${n.read ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50"}`}>
            {!n.read ? <span className="mr-1 text-xs font-semibold uppercase text-brand-800">{t("notifications.new")}</span> : null}
            <Link to={n.link} className="text-brand-700 underline">
              {n.text}
            </Link>
            <span className="ml-1 text-sm text-slate-600">· {n.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
