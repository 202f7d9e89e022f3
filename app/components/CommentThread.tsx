import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";

type Comment = { id: string; author: string; bodyHtml: string; createdAt: string };

/** The conversation on one submission; a plain form, so it works without JavaScript. */
export function CommentThread({
  submissionId,
  comments,
  canComment,
  error,
  draft,
}: {
  submissionId: string;
  comments: Comment[];
  canComment: boolean;
  error?: string;
  draft?: string;
}) {
  const { t } = useTranslation();
  const fieldId = `comment-${submissionId}`;
  return (
    <section id={`comments-${submissionId}`} aria-label={t("comments.title")} className="mt-3 border-t border-slate-200 pt-3">
      <h3 className="mb-2 font-semibold">{t("comments.title")}</h3>
      {comments.length === 0 ? <p className="text-sm text-slate-600">{t("comments.none")}</p> : null}
      <ol className="space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded bg-slate-50 p-2 text-sm">
            <p className="font-medium">
              {c.author} <span className="font-normal text-slate-600">· {c.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
            </p>
            <div className="prose prose-sm max-w-none" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
          </li>
        ))}
      </ol>
      {canComment ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="submissionId" value={submissionId} />
          <label htmlFor={fieldId} className="mb-1 block text-sm font-medium">
            {t("comments.add")}
          </label>
          {error ? (
            <p role="alert" className="mb-1 text-sm font-semibold text-red-800">
              {t(error, { max: 5000 })}
            </p>
          ) : null}
          <textarea id={fieldId} name="comment" rows={3} maxLength={5000} defaultValue={draft} className="block w-full rounded border border-slate-500 p-2 text-sm" />
          <button type="submit" className="mt-2 rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-800">
            {t("comments.send")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
