import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSubmit,
  type ClientActionFunctionArgs,
  type ClientLoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "~/lib/i18n/react";
import { ProgressBar } from "~/components/ProgressBar";
import { buildModulePage, requireWritableModule } from "~/domain/content/module-page.server";
import { answersFromForm } from "~/domain/progress/scoring";
import { issueIfAutomatic } from "~/domain/certificates/certificates.server";
import { REFLECTION_MAX, markSectionRead, recordAttempt, saveReflection } from "~/domain/progress/progress.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { isNetworkError, showFormNotSent } from "~/lib/offline";
import { useRequestInfo } from "~/lib/request-info";

export const handle = { titleKey: "modules.title" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const locale = resolveLocale(request, user.locale);
  const { page, body } = buildModulePage(user, params.slug ?? "", locale, { reflectionDraft: context.reflectionDraft });
  // The body goes into the HTML by entry.server, not into this data.
  if (body !== null) context.moduleBody = body;
  return page;
}

/** Client-side navigation fetches the body separately, so the page's data stays small. */
export async function clientLoader({ serverLoader, params }: ClientLoaderFunctionArgs) {
  const [page, body] = await Promise.all([
    serverLoader<typeof loader>(),
    fetch(`/modules/${params.slug}/body`, { credentials: "same-origin" }).then((r) => (r.ok ? r.text() : null)),
  ]);
  return { ...page, bodyHtml: body };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const mod = requireWritableModule(user, params.slug ?? "");
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (anchor: string) => redirect(`/modules/${mod.slug}#${anchor}`);
  if (intent === "mark-read") {
    const sectionId = String(form.get("sectionId") ?? "");
    markSectionRead(user.id, mod, sectionId);
    issueIfAutomatic(user.id);
    return back(sectionId || "top");
  }
  if (intent === "knowledge-check") {
    recordAttempt(user.id, mod, answersFromForm(form, mod.locales.en.questions));
    issueIfAutomatic(user.id);
    return back("knowledge-check");
  }
  if (intent === "reflection") {
    const reflectionId = String(form.get("reflectionId") ?? "");
    const text = typeof form.get("text") === "string" ? String(form.get("text")) : "";
    if (text.length > REFLECTION_MAX) {
      // Nothing typed is lost: the page comes back with the text and the reason.
      context.reflectionDraft = { id: reflectionId, text, errorKey: "form.tooLong" };
      return data({ error: "form.tooLong" }, { status: 400 });
    }
    saveReflection(user.id, mod, reflectionId, text);
    return back(`reflection-${reflectionId}-box`);
  }
  return back("top");
}

/**
 * A connection that drops while the browser still thinks it is online: the
 * page stays as it is, with what was typed, and says nothing was sent.
 */
export async function clientAction({ serverAction }: ClientActionFunctionArgs) {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (isNetworkError(error)) return { notSent: true as const };
    throw error;
  }
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { notSent?: boolean } | undefined)?.notSent ? false : defaultShouldRevalidate;

export default function ModulePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader & { bodyHtml?: string | null }>() as Awaited<ReturnType<typeof loader>> & {
    bodyHtml?: string | null;
  };
  const actionData = useActionData<typeof action>();
  const { moduleBody } = useRequestInfo();
  const submit = useSubmit();
  const submittedForm = useRef<HTMLFormElement | null>(null);
  const notSent = actionData && "notSent" in actionData ? actionData : null;
  useEffect(() => {
    if (notSent && submittedForm.current) showFormNotSent(submittedForm.current, t("offline.formNotSent"));
  }, [notSent, t]);
  // Hydration keeps the body the server rendered; navigation brings it from /body.
  const [hydratedBody] = useState(() =>
    typeof document !== "undefined" ? document.getElementById("module-body")?.innerHTML : undefined,
  );
  const body = page.bodyHtml ?? moduleBody ?? hydratedBody ?? "";

  useFocusAfterSubmit();

  function enhance(event: FormEvent<HTMLDivElement>) {
    const form = event.target as HTMLFormElement;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-enhance")) return;
    event.preventDefault();
    submittedForm.current = form;
    submit(form, { method: "post", preventScrollReset: true, action: `/modules/${page.slug}` });
  }

  const languageNames = (codes: string[]) => codes.map((c) => t(`language.names.${c}`)).join(", ");

  return (
    <article lang={page.contentLocale} className="module-page">
      <p className="mb-1 text-sm text-slate-600">
        <Link to="/modules" className="text-brand-700 underline">
          {t("modules.all")}
        </Link>{" "}
        · {t("modules.number", { number: page.number })}
      </p>
      <h1 className="mb-2 text-2xl font-bold">{page.title}</h1>
      <p className="mb-2 text-slate-700">{page.summary}</p>
      <p className="mb-4 text-sm text-slate-600">{t("modules.minutes", { count: page.estimatedMinutes })}</p>
      {page.fallback ? (
        <p role="note" className="mb-4 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950">
          {t("modules.fallback", { language: t(`language.names.${page.fallback.readerLocale}`) })}{" "}
          {t("modules.availableIn", { languages: languageNames(page.fallback.available) })}
        </p>
      ) : null}
      {page.locked ? (
        <p role="status" className="rounded border border-slate-300 bg-white p-4">
          🔒 {t("modules.lockedUntil", { date: page.locked.opensOn })}
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <aside className="module-aside lg:sticky lg:top-4 lg:self-start">
            {page.progress ? (
              <div className="mb-4 rounded border border-slate-200 bg-white p-3">
                <ProgressBar
                  value={page.progress.completedAt ? 100 : Math.round((page.progress.read / Math.max(1, page.progress.total)) * 100)}
                  label={t("modules.sectionsRead", { read: page.progress.read, total: page.progress.total })}
                />
                {page.progress.completedAt ? (
                  <p className="mt-2 font-semibold text-green-800" role="status">
                    ✓ {t("modules.complete")}
                  </p>
                ) : page.progress.continueTo ? (
                  <a href={`#${page.progress.continueTo}`} className="mt-2 inline-block font-semibold text-brand-700 underline">
                    {t("modules.continue")}
                  </a>
                ) : null}
                {page.progress.dueOn ? (
                  <p className="mt-2 text-sm text-slate-700">{t("modules.dueOn", { date: page.progress.dueOn })}</p>
                ) : null}
              </div>
            ) : null}
            <nav aria-label={t("modules.contents")} className="rounded border border-slate-200 bg-white p-3">
              <h2 className="mb-2 font-semibold">{t("modules.contents")}</h2>
              <ol className="space-y-1 text-sm">
                {page.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`} className="text-brand-700 underline">
                      {s.title}
                    </a>
                    {s.read ? <span className="ml-1 text-green-800"> ✓<span className="sr-only"> {t("modules.sectionRead")}</span></span> : null}
                  </li>
                ))}
              </ol>
            </nav>
          </aside>
          <div>
            <section aria-labelledby="outcomes-heading" className="mb-6 rounded border border-slate-200 bg-white p-4">
              <h2 id="outcomes-heading" className="mb-2 text-lg font-semibold">
                {t("modules.outcomes")}
              </h2>
              <ul className="list-disc pl-5">
                {page.learningOutcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
            {page.mode === "fellow" ? (
              <p className="mb-4">
                <Link to={`/modules/${page.slug}/assignment`} className="font-semibold text-brand-700 underline">
                  {t("assignments.openAssignment")}: {page.assignmentTitle}
                </Link>
              </p>
            ) : null}
            {actionData && "error" in actionData ? (
              <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
                {t(actionData.error, { max: 10000 })}
              </p>
            ) : null}
            {/* The body is HTML compiled at build time, with this reader's state filled in on the server. */}
            <div
              id="module-body"
              className="module-body prose prose-slate max-w-none"
              onSubmit={enhance}
              dangerouslySetInnerHTML={{ __html: body }}
            />
            <nav aria-label={t("modules.otherModules")} className="mt-8 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-4">
              {page.previous ? (
                <Link to={`/modules/${page.previous.slug}`} className="text-brand-700 underline" rel="prev">
                  ← {page.previous.title}
                </Link>
              ) : (
                <span />
              )}
              {page.next ? (
                <Link to={`/modules/${page.next.slug}`} className="text-brand-700 underline" rel="next">
                  {page.next.title} →
                </Link>
              ) : null}
            </nav>
          </div>
        </div>
      )}
    </article>
  );
}

/**
 * After an enhanced form in the body is sent, the body is rendered anew and the
 * button that had focus is gone. Without JavaScript the browser lands on the
 * redirect's #anchor and focuses it; do the same here, so a keyboard user goes
 * on from where they were rather than from the top of the page.
 */
function useFocusAfterSubmit() {
  const navigation = useNavigation();
  const location = useLocation();
  const submitted = useRef(false);
  useEffect(() => {
    if (navigation.state === "submitting") submitted.current = true;
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target?.hasAttribute("tabindex")) target.focus();
  }, [navigation.state, location]);
}
