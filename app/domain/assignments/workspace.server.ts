import type { SessionUser } from "~/lib/auth.server";
import { moduleInLocale } from "~/domain/content/catalog.server";
import { openModule } from "~/domain/content/module-page.server";
import { notFound } from "~/lib/http.server";
import type { Locale } from "~/lib/i18n/config";
import { renderMarkdown } from "./markdown.server";
import { listComments } from "./comments.server";
import { listFiles } from "./files.server";
import { editorState, listAttempts, releasedReviews } from "./submissions.server";

/** The fellow's page for one module's assignment: instructions, rubric, history and the editor. */
export function assignmentWorkspace(user: SessionUser, slug: string, locale: Locale) {
  if (user.role !== "fellow") notFound();
  const access = openModule(user, slug);
  if (access.locked) notFound();
  const { version } = moduleInLocale(access.mod, locale);
  const assignment = version.frontmatter.assignment;
  const attempts = listAttempts(user.id, slug);
  const reviews = releasedReviews(attempts.map((a) => a.id));
  const comments = listComments(attempts.filter((a) => a.status !== "draft").map((a) => a.id));
  const files = listFiles(attempts.map((a) => a.id));
  const editor = editorState(attempts);
  return {
    slug,
    moduleTitle: version.frontmatter.title,
    contentLocale: version.locale,
    dueOn: access.schedule?.dueOn ?? null,
    assignment: {
      title: assignment.title,
      instructionsHtml: renderMarkdown(assignment.instructions),
      suggestedLength: assignment.suggestedLength,
      passMark: assignment.passMark,
      rubric: assignment.rubric,
    },
    history: attempts
      .filter((a) => a.status !== "draft")
      .map((a) => {
        const review = reviews.get(a.id);
        return {
          id: a.id,
          attempt: a.attempt,
          status: a.status,
          late: a.late,
          submittedAt: a.submittedAt?.toISOString() ?? null,
          bodyHtml: renderMarkdown(a.body),
          comments: comments.get(a.id) ?? [],
          files: files.get(a.id) ?? [],
          review: review
            ? {
                decision: review.decision,
                releasedAt: review.releasedAt!.toISOString(),
                levels: review.levels,
                comments: review.criterionComments,
                feedbackHtml: renderMarkdown(review.feedback),
                total: Object.values(review.levels).reduce((s, p) => s + p, 0),
                rubric: review.rubric,
                passMark: review.passMark,
              }
            : null,
        };
      })
      .reverse(),
    editor: { ...editor, files: editor.canEdit && editor.submissionId ? (files.get(editor.submissionId) ?? []) : [] },
    latestStatus: attempts.at(-1)?.status ?? null,
  };
}
