import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "~/lib/i18n/react";
import { FormAutosave } from "~/components/FormAutosave";
import { PageTitle } from "~/components/form";
import { renderMarkdown } from "~/domain/assignments/markdown.server";
import { afterRelease, getSubmissionForReview, reviewQueue, saveReview, type ReviewInput } from "~/domain/assignments/reviews.server";
import { moduleInLocale } from "~/domain/content/catalog.server";
import { COMMENT_MAX, addComment, listComments } from "~/domain/assignments/comments.server";
import { listFiles } from "~/domain/assignments/files.server";
import { listMentors, reassignSubmission } from "~/domain/assignments/gradebook.server";
import { notify } from "~/domain/notifications/notifications.server";
import { CommentThread } from "~/components/CommentThread";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "review.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: ["mentor", "coordinator"] });
  const { submission, fellowName, mod, review } = getSubmissionForReview(user, params.submissionId ?? "");
  const { version } = moduleInLocale(mod, resolveLocale(request, user.locale));
  // The rubric shown is the reader's language; the review keeps the English snapshot it was graded against.
  const queue = user.role === "mentor" ? reviewQueue(user.id).map((q) => q.id) : [];
  const i = queue.indexOf(submission.id);
  return {
    submission: {
      id: submission.id,
      attempt: submission.attempt,
      status: submission.status,
      late: submission.late,
      version: submission.version,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      bodyHtml: renderMarkdown(submission.body),
    },
    fellowName,
    moduleTitle: version.frontmatter.title,
    assignmentTitle: version.frontmatter.assignment.title,
    rubric: version.frontmatter.assignment.rubric,
    passMark: version.frontmatter.assignment.passMark,
    review: review
      ? {
          version: review.version,
          levels: review.levels,
          comments: review.criterionComments,
          feedback: review.feedback,
          decision: review.decision,
          releasedAt: review.releasedAt?.toISOString() ?? null,
          savedAt: review.updatedAt.toISOString(),
        }
      : null,
    // Coordinators read every review; grading belongs to the assigned mentor.
    canEdit: submission.status === "submitted" && submission.mentorId === user.id,
    comments: listComments([submission.id]).get(submission.id) ?? [],
    files: listFiles([submission.id]).get(submission.id) ?? [],
    reassign:
      user.role === "coordinator" && submission.status === "submitted"
        ? { current: submission.mentorId, mentors: listMentors() }
        : null,
    canComment: submission.mentorId === user.id,
    previous: i > 0 ? queue[i - 1] : null,
    next: i >= 0 && i < queue.length - 1 ? queue[i + 1] : null,
  };
}

function readInput(form: FormData, criteria: string[]): ReviewInput {
  const levels: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const id of criteria) {
    const level = form.get(`level:${id}`);
    if (typeof level === "string" && level !== "") levels[id] = Number(level);
    const comment = form.get(`comment:${id}`);
    if (typeof comment === "string") comments[id] = comment.slice(0, 5000);
  }
  const decision = form.get("decision");
  return {
    submissionVersion: Number(form.get("submissionVersion") ?? 0) || 0,
    reviewVersion: Number(form.get("reviewVersion") ?? 0) || 0,
    levels,
    comments,
    feedback: String(form.get("feedback") ?? "").slice(0, 20000),
    decision: decision === "approve" || decision === "revise" ? decision : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireUser(request, { role: ["mentor", "coordinator"] });
  if (viewer.role === "coordinator") {
    // Coordinators only hand a waiting submission to another mentor.
    const { submission, fellowName } = getSubmissionForReview(viewer, params.submissionId ?? "");
    const form = await request.formData();
    const moved = reassignSubmission(submission.id, String(form.get("mentorId") ?? ""));
    if (!moved) return data({ errorKey: "review.reassignFailed", input: undefined, comment: undefined }, { status: 400 });
    await notify(moved.mentorId!, "submission_received", { module: moved.moduleSlug, name: fellowName }, `/mentor/reviews/${moved.id}`);
    return redirectWithFlash(request, `/mentor/reviews/${submission.id}`, { key: "review.reassigned" });
  }
  const user = requireUser(request, { role: "mentor" });
  const { submission, mod } = getSubmissionForReview(user, params.submissionId ?? "");
  const form = await request.formData();
  if (form.get("intent") === "comment") {
    const text = String(form.get("comment") ?? "").trim();
    if (!text || text.length > COMMENT_MAX) {
      return data({ errorKey: undefined, input: undefined, comment: { text: String(form.get("comment") ?? ""), errorKey: text ? "form.tooLong" : "form.required" } }, { status: 400 });
    }
    await addComment(submission, user, text);
    return redirectWithFlash(request, `/mentor/reviews/${submission.id}#comments`, { key: "comments.sent" });
  }
  const criteria = mod.locales.en.frontmatter.assignment.rubric.map((c) => c.id);
  const input = readInput(form, criteria);
  const release = form.get("intent") === "release";
  const result = saveReview(user, submission, input, release);
  if (!result.ok) {
    // Nothing the mentor wrote is lost: the form comes back with it.
    const errorKey = result.reason === "conflict" ? "review.conflict" : result.reason === "closed" ? "review.closed" : "review.incomplete";
    return data({ errorKey, input, comment: undefined }, { status: result.reason === "incomplete" ? 400 : 409 });
  }
  if (release) {
    afterRelease(submission, input.decision);
    await notify(
      submission.fellowId,
      input.decision === "approve" ? "feedback_released" : "revision_requested",
      { module: submission.moduleSlug },
      `/modules/${submission.moduleSlug}/assignment`,
    );
    return redirectWithFlash(request, "/mentor/queue", { key: "review.released" });
  }
  // An autosave answers with data: the page revalidates underneath, the text being typed stays.
  if (form.get("autosave") === "1") return data({ errorKey: undefined, input: undefined, comment: undefined });
  return redirectWithFlash(request, `/mentor/reviews/${submission.id}`, {
    key: "review.draftSaved",
    values: { time: `${result.review.updatedAt.toISOString().slice(11, 16)} UTC` },
  });
}

export default function ReviewPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const input = actionData?.input;
  const levelOf = (id: string) => input?.levels[id] ?? page.review?.levels[id];
  const commentOf = (id: string) => input?.comments[id] ?? page.review?.comments[id] ?? "";
  const reviewForm = useRef<HTMLFormElement>(null);
  const max = page.rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
  const total = page.rubric.reduce((sum, c) => sum + (levelOf(c.id) ?? 0), 0);
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link to="/mentor/queue" className="text-brand-700 underline">
          {t("review.queueTitle")}
        </Link>
      </p>
      <PageTitle>
        {page.fellowName} — {page.assignmentTitle}
      </PageTitle>
      <p className="mb-4 text-sm text-slate-700">
        {page.moduleTitle} · {t("assignments.attempt", { number: page.submission.attempt })}
        {page.submission.late ? <> · {t("assignments.late")}</> : null}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="submission-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="submission-heading" className="mb-2 text-lg font-semibold">
            {t("review.submission")}
          </h2>
          <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: page.submission.bodyHtml }} />
          {page.files.length > 0 ? (
            <ul className="mt-3 text-sm">
              {page.files.map((f) => (
                <li key={f.id}>
                  📎{" "}
                  <a href={`/submissions/${page.submission.id}/files/${f.id}`} className="text-brand-700 underline">
                    {f.name}
                  </a>{" "}
                  <span className="text-slate-600">({Math.ceil(f.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section aria-labelledby="review-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="review-heading" className="mb-2 text-lg font-semibold">
            {t("review.yourReview")}
          </h2>
          {actionData?.errorKey ? (
            <p role="alert" className="mb-3 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
              {t(actionData.errorKey)}
            </p>
          ) : null}
          {page.review?.releasedAt ? <p className="mb-3 font-semibold">{t("review.alreadyReleased")}</p> : null}
          <Form method="post" ref={reviewForm}>
            <input type="hidden" name="submissionVersion" value={page.submission.version} />
            <input type="hidden" name="reviewVersion" value={page.review?.version ?? 0} />
            {page.rubric.map((c) => (
              <fieldset key={c.id} className="mb-4 rounded border border-slate-200 p-3" disabled={!page.canEdit}>
                <legend className="px-1 font-semibold">{c.title}</legend>
                {c.levels.map((l) => (
                  <label key={l.points} className="mb-1 flex items-start gap-2 text-sm">
                    <input type="radio" name={`level:${c.id}`} value={l.points} defaultChecked={levelOf(c.id) === l.points} className="mt-1" />
                    <span>
                      <strong>
                        {l.label} ({t("assignments.points", { count: l.points })})
                      </strong>{" "}
                      {l.description}
                    </span>
                  </label>
                ))}
                <label className="mt-2 block text-sm font-medium" htmlFor={`comment-${c.id}`}>
                  {t("review.criterionComment")}
                </label>
                <textarea id={`comment-${c.id}`} name={`comment:${c.id}`} rows={2} defaultValue={commentOf(c.id)} className="block w-full rounded border border-slate-500 p-2 text-sm" />
              </fieldset>
            ))}
            <p className="mb-3 font-semibold" role="status">
              {t("assignments.total", { total, max })} · {t("assignments.passMark", { pass: page.passMark, max })}
            </p>
            <label htmlFor="feedback" className="mb-1 block font-medium">
              {t("review.feedback")}
            </label>
            <textarea
              id="feedback"
              name="feedback"
              rows={8}
              disabled={!page.canEdit}
              defaultValue={input?.feedback ?? page.review?.feedback ?? ""}
              className="mb-3 block w-full rounded border border-slate-500 p-2"
            />
            <fieldset className="mb-3" disabled={!page.canEdit}>
              <legend className="font-medium">{t("review.decision")}</legend>
              {(["approve", "revise"] as const).map((d) => (
                <label key={d} className="mr-4 inline-flex items-center gap-2">
                  <input type="radio" name="decision" value={d} defaultChecked={(input?.decision ?? page.review?.decision) === d} />
                  {t(`review.decision_${d}`)}
                </label>
              ))}
            </fieldset>
            {page.canEdit ? (
              <div className="flex flex-wrap gap-3">
                <button type="submit" name="intent" value="save" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                  {t("review.saveDraft")}
                </button>
                <button type="submit" name="intent" value="release" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                  {t("review.release")}
                </button>
              </div>
            ) : null}
            <p className="mt-2 text-sm text-slate-600">{t("review.draftHint")}</p>
            <FormAutosave form={reviewForm} enabled={page.canEdit} />
          </Form>
          {page.reassign ? (
            <Form method="post" className="mb-4 rounded border border-slate-300 p-3">
              <input type="hidden" name="intent" value="reassign" />
              <label htmlFor="reassign-mentor" className="mb-1 block font-medium">
                {t("review.reassignLabel")}
              </label>
              <select id="reassign-mentor" name="mentorId" defaultValue={page.reassign.current ?? ""} className="mb-2 block rounded border border-slate-500 p-2">
                {page.reassign.mentors.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="rounded border border-brand-700 px-3 py-1 font-semibold text-brand-800">
                {t("review.reassign")}
              </button>
            </Form>
          ) : null}
          <div id="comments">
            <CommentThread
              submissionId={page.submission.id}
              comments={page.comments}
              canComment={page.canComment}
              error={actionData?.comment?.errorKey}
              draft={actionData?.comment?.text}
            />
          </div>
          <nav aria-label={t("review.queueTitle")} className="mt-4 flex justify-between text-sm">
            {page.previous ? (
              <Link to={`/mentor/reviews/${page.previous}`} className="text-brand-700 underline">
                ← {t("review.previous")}
              </Link>
            ) : (
              <span />
            )}
            {page.next ? (
              <Link to={`/mentor/reviews/${page.next}`} className="text-brand-700 underline">
                {t("review.next")} →
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </div>
  );
}
