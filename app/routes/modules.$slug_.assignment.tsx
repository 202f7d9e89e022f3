import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "~/lib/i18n/react";
import { DraftAutosave } from "~/components/DraftAutosave";
import { AssignmentStatusBadge } from "~/components/AssignmentStatusBadge";
import { ReviewSummary } from "~/components/ReviewSummary";
import { RubricTable } from "~/components/RubricTable";
import { PageTitle } from "~/components/form";
import { renderMarkdown } from "~/domain/assignments/markdown.server";
import { BODY_MAX, submitAttempt, saveDraft } from "~/domain/assignments/submissions.server";
import { assignmentWorkspace } from "~/domain/assignments/workspace.server";
import { COMMENT_MAX, addComment } from "~/domain/assignments/comments.server";
import { listAttempts } from "~/domain/assignments/submissions.server";
import { attachFiles, removeFile, type UploadProblem } from "~/domain/assignments/files.server";
import { MAX_FILES_PER_ATTEMPT } from "~/domain/assignments/limits";
import { readAssignmentForm } from "~/domain/assignments/upload-form.server";
import { notify } from "~/domain/notifications/notifications.server";
import { CommentThread } from "~/components/CommentThread";
import { requireWritableModule } from "~/domain/content/module-page.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "assignments.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return assignmentWorkspace(user, params.slug ?? "", resolveLocale(request, user.locale));
}

type ActionResult = {
  errorKey?: string;
  body: string;
  preview?: string;
  submissionId: string;
  version: number;
  comment?: { submissionId: string; text: string; errorKey: string };
  fileProblems?: UploadProblem[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const mod = requireWritableModule(user, params.slug ?? "");
  const { form, uploads } = await readAssignmentForm(request);
  const intent = form.get("intent");
  const body = typeof form.get("body") === "string" ? String(form.get("body")).replace(/\r\n/g, "\n") : "";
  const submissionId = typeof form.get("submissionId") === "string" ? String(form.get("submissionId")) : "";
  const version = Number(form.get("version") ?? 0) || 0;
  const back = (errorKey: string, status = 400, extra: Partial<ActionResult> = {}) =>
    data<ActionResult>({ errorKey, body, submissionId, version, ...extra }, { status });
  if (intent === "comment") {
    const attempt = listAttempts(user.id, mod.slug).find((a) => a.id === form.get("submissionId") && a.status !== "draft");
    if (!attempt) return back("comments.notFound", 404);
    const text = String(form.get("comment") ?? "").trim();
    if (!text || text.length > COMMENT_MAX) {
      const errorKey = text ? "form.tooLong" : "form.required";
      return data<ActionResult>(
        { body: "", submissionId: "", version: 0, comment: { submissionId: attempt.id, text: String(form.get("comment") ?? ""), errorKey } },
        { status: 400 },
      );
    }
    await addComment(attempt, user, text);
    return redirectWithFlash(request, `/modules/${mod.slug}/assignment#comments-${attempt.id}`, { key: "comments.sent" });
  }
  if (body.length > BODY_MAX) return back("assignments.tooLong");
  if (intent === "preview") return data<ActionResult>({ body, submissionId, version, preview: renderMarkdown(body) });
  const path = `/modules/${mod.slug}/assignment`;
  if (intent === "remove-file") {
    const attempt = listAttempts(user.id, mod.slug).at(-1);
    if (!attempt || attempt.status !== "draft") return back("assignments.locked", 409);
    removeFile(attempt.id, String(form.get("fileId") ?? ""));
    return redirectWithFlash(request, path, { key: "files.removed" });
  }
  let ids = { submissionId, version };
  if (uploads.length > 0) {
    // Files need the attempt to exist: the text is saved first, then the files checked and stored.
    const saved = saveDraft(user.id, mod, { submissionId, version, body });
    if (!saved.ok) return back(saved.reason === "conflict" ? "assignments.conflict" : "assignments.locked", 409);
    ids = { submissionId: saved.submission.id, version: saved.submission.version };
    const fileProblems = await attachFiles(saved.submission.id, user.id, uploads);
    if (fileProblems.length > 0) {
      return data<ActionResult>({ errorKey: "files.someRefused", body, ...ids, fileProblems }, { status: 400 });
    }
  }
  if (intent === "submit") {
    if (!body.trim()) return back("assignments.emptyBody", 400, ids);
    if (form.get("statement") !== "on") return back("assignments.statementRequired", 400, ids);
    const result = submitAttempt(user.id, mod, { ...ids, body });
    if (!result.ok) return back(result.reason === "conflict" ? "assignments.conflict" : "assignments.locked", 409);
    if (result.submission.mentorId) {
      await notify(result.submission.mentorId, "submission_received", { module: mod.slug, name: user.displayName }, `/mentor/reviews/${result.submission.id}`);
    }
    return redirectWithFlash(request, path, { key: "assignments.submitted" });
  }
  const result = saveDraft(user.id, mod, { ...ids, body });
  if (!result.ok) return back(result.reason === "conflict" ? "assignments.conflict" : "assignments.locked", 409);
  const savedAt = result.submission.updatedAt.toISOString().slice(11, 16);
  if (form.get("autosave") === "1") {
    return data<ActionResult>({ body, submissionId: result.submission.id, version: result.submission.version, errorKey: undefined });
  }
  return redirectWithFlash(request, path, { key: "assignments.savedAt", values: { time: `${savedAt} UTC` } });
}

export default function AssignmentPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const body = actionData?.body ?? page.editor.body;
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Autosave moves the attempt's version on; the form must send the latest one.
  const [autosaved, setAutosaved] = useState<{ submissionId: string; version: number } | null>(null);
  // The newest known state of the attempt: the page's data is revalidated after every save.
  const candidates = [page.editor, actionData, autosaved].filter((c): c is { submissionId: string; version: number } => Boolean(c));
  const newest = candidates.reduce((a, b) => (b.version > a.version ? b : a));
  const submissionId = newest.submissionId;
  const version = newest.version;
  const onSaved = useCallback((ids: { submissionId: string; version: number }) => setAutosaved(ids), []);
  return (
    <div className="max-w-3xl">
      <p className="mb-1 text-sm">
        <Link to={`/modules/${page.slug}`} className="text-brand-700 underline">
          {page.moduleTitle}
        </Link>
      </p>
      <PageTitle>{page.assignment.title}</PageTitle>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <AssignmentStatusBadge status={page.latestStatus} />
        {page.dueOn ? <span>{t("modules.dueOn", { date: page.dueOn })}</span> : null}
        <span>
          {t("assignments.suggestedLength", { min: page.assignment.suggestedLength.minWords, max: page.assignment.suggestedLength.maxWords })}
        </span>
      </p>
      <section aria-labelledby="instructions-heading" className="mb-6 rounded border border-slate-200 bg-white p-4" lang={page.contentLocale}>
        <h2 id="instructions-heading" className="mb-2 text-lg font-semibold">
          {t("assignments.instructions")}
        </h2>
        <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: page.assignment.instructionsHtml }} />
      </section>
      <section aria-labelledby="rubric-heading" className="mb-6" lang={page.contentLocale}>
        <h2 id="rubric-heading" className="mb-2 text-lg font-semibold">
          {t("assignments.rubric")}
        </h2>
        <RubricTable rubric={page.assignment.rubric} passMark={page.assignment.passMark} />
      </section>

      {page.editor.canEdit ? (
        <section aria-labelledby="editor-heading" className="mb-6 rounded border border-slate-200 bg-white p-4">
          <h2 id="editor-heading" className="mb-2 text-lg font-semibold">
            {page.latestStatus === "revision_requested" ? t("assignments.newAttempt") : t("assignments.yourText")}
          </h2>
          {actionData?.errorKey ? (
            <div role="alert" className="mb-3 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
              <p>{t(actionData.errorKey, { max: 60000 })}</p>
              {actionData.fileProblems?.length ? (
                <ul className="mt-1 list-disc pl-5 text-sm font-semibold">
                  {actionData.fileProblems.map((p: UploadProblem, i: number) => (
                    <li key={i}>
                      {p.name}: {t(p.key)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {actionData?.preview !== undefined ? (
            <div className="mb-4 rounded border border-slate-300 p-3">
              <p className="mb-2 text-sm font-semibold text-slate-700">{t("assignments.preview")}</p>
              <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: actionData.preview }} />
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="submissionId" value={submissionId} />
            <input type="hidden" name="version" value={version} />
            <label htmlFor="assignment-body" className="mb-1 block font-medium">
              {t("assignments.bodyLabel")}
            </label>
            <p id="assignment-body-hint" className="mb-1 text-sm text-slate-600">
              {t("assignments.markdownHint")}
            </p>
            <textarea
              ref={textarea}
              id="assignment-body"
              name="body"
              rows={16}
              maxLength={60000}
              defaultValue={body}
              aria-describedby="assignment-body-hint"
              className="block w-full rounded border border-slate-500 p-2 font-mono text-sm"
            />
            <div className="mt-4">
              <label htmlFor="attachments" className="mb-1 block font-medium">
                {t("files.label")}
              </label>
              <p id="attachments-hint" className="mb-1 text-sm text-slate-600">
                {t("files.hint", { max: MAX_FILES_PER_ATTEMPT })}
              </p>
              <input
                id="attachments"
                type="file"
                name="attachments"
                multiple
                accept=".pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                aria-describedby="attachments-hint"
                className="block text-sm"
              />
            </div>
            <DraftAutosave
              storageKey={`fellowship-draft:${page.slug}`}
              textarea={textarea}
              serverBody={page.editor.body}
              ids={{ submissionId, version }}
              onSaved={onSaved}
              action={`/modules/${page.slug}/assignment`}
            />
            <div className="mt-3 flex flex-wrap gap-3">
              <button type="submit" name="intent" value="save" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                {t("assignments.saveDraft")}
              </button>
              <button type="submit" name="intent" value="preview" className="rounded border border-slate-500 px-4 py-2">
                {t("assignments.showPreview")}
              </button>
            </div>
            <fieldset className="mt-6 rounded border border-amber-700 bg-amber-50 p-3">
              <legend className="px-1 font-semibold">{t("assignments.submitTitle")}</legend>
              <p className="mb-2 text-sm">{t("assignments.submitWarning")}</p>
              <label className="mb-3 flex items-start gap-2">
                <input type="checkbox" name="statement" className="mt-1" />
                <span>{t("assignments.statement")}</span>
              </label>
              <button
                type="submit"
                name="intent"
                value="submit"
                disabled={navigation.state === "submitting"}
                className="rounded bg-brand-700 px-4 py-2 font-semibold text-white"
              >
                {t("assignments.submit")}
              </button>
            </fieldset>
          </Form>
          {page.editor.files.length > 0 ? (
            <div className="mt-4">
              <p className="mb-1 font-medium">{t("files.attached")}</p>
              <ul className="space-y-1 text-sm">
                {page.editor.files.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-2">
                    <a href={`/submissions/${page.editor.submissionId}/files/${f.id}`} className="text-brand-700 underline">
                      {f.name}
                    </a>
                    <span className="text-slate-600">({Math.ceil(f.size / 1024)} KB)</span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-file" />
                      <input type="hidden" name="fileId" value={f.id} />
                      <button type="submit" className="underline">
                        {t("files.remove")}
                        <span className="sr-only">: {f.name}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("assignments.history")}
        </h2>
        {page.history.length === 0 ? <p>{t("assignments.noHistory")}</p> : null}
        <ol className="space-y-4">
          {page.history.map((h) => (
            <li key={h.id} className="rounded border border-slate-200 bg-white p-4">
              <p className="mb-2 flex flex-wrap items-center gap-2 font-semibold">
                {t("assignments.attempt", { number: h.attempt })} <AssignmentStatusBadge status={h.status} />
                {h.late ? <span className="text-sm text-red-800">{t("assignments.late")}</span> : null}
                {h.submittedAt ? <span className="text-sm font-normal text-slate-600">{h.submittedAt.slice(0, 16).replace("T", " ")} UTC</span> : null}
              </p>
              {h.files.length > 0 ? (
                <ul className="mb-2 text-sm">
                  {h.files.map((f) => (
                    <li key={f.id}>
                      📎{" "}
                      <a href={`/submissions/${h.id}/files/${f.id}`} className="text-brand-700 underline">
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <details>
                <summary className="cursor-pointer text-brand-700 underline">{t("assignments.showText")}</summary>
                <div className="prose prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: h.bodyHtml }} />
              </details>
              {h.review ? <ReviewSummary review={h.review} /> : h.status === "submitted" ? <p className="mt-2 text-sm">{t("assignments.waiting")}</p> : null}
              <CommentThread
                submissionId={h.id}
                comments={h.comments}
                canComment
                error={actionData?.comment?.submissionId === h.id ? actionData.comment.errorKey : undefined}
                draft={actionData?.comment?.submissionId === h.id ? actionData.comment.text : undefined}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
