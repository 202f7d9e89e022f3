import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { requireUser } from "~/lib/auth.server";
import { listOutbox } from "~/lib/outbox.server";

export const handle = { titleKey: "outbox.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return { messages: listOutbox() };
}

export default function Outbox() {
  const { t } = useTranslation();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("outbox.title")}</PageTitle>
      <p className="mb-4">{t("outbox.intro")}</p>
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 bg-white p-3">
              <p className="font-medium">{m.subject}</p>
              <p className="text-sm text-slate-700">
                {t("outbox.to")}: <span className="break-all">{m.to}</span> · {t("outbox.created")}{" "}
                <time dateTime={new Date(m.createdAt).toISOString()}>
                  {new Date(m.createdAt).toISOString().slice(0, 16).replace("T", " ")}
                </time>{" "}
                · {m.sentAt ? t("outbox.sent") : m.error ? t("outbox.failed") : t("outbox.stored")}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700 underline">{t("outbox.show")}</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
