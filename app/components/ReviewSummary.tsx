import { useTranslation } from "~/lib/i18n/react";

type Review = {
  decision: "approve" | "revise" | null;
  releasedAt: string;
  levels: Record<string, number>;
  comments: Record<string, string>;
  feedbackHtml: string;
  total: number;
  passMark: number;
  rubric: Array<{ id: string; title: string; levels: Array<{ points: number; label: string }> }>;
};

/** A released review as the fellow reads it. */
export function ReviewSummary({ review }: { review: Review }) {
  const { t } = useTranslation();
  const max = review.rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
  return (
    <div className="mt-3 rounded border border-brand-100 bg-brand-50 p-3">
      <p className="mb-2 font-semibold">
        {review.decision === "approve" ? `✓ ${t("assignments.approved")}` : `↺ ${t("assignments.revisionRequested")}`} ·{" "}
        {t("assignments.total", { total: review.total, max })}
      </p>
      <ul className="mb-2 space-y-1 text-sm">
        {review.rubric.map((c) => {
          const level = c.levels.find((l) => l.points === review.levels[c.id]);
          return (
            <li key={c.id}>
              <strong>{c.title}:</strong> {level ? `${level.label} (${t("assignments.points", { count: level.points })})` : "—"}
              {review.comments[c.id] ? <span className="block pl-3 text-slate-700">{review.comments[c.id]}</span> : null}
            </li>
          );
        })}
      </ul>
      <div className="prose prose-slate max-w-none text-sm" dangerouslySetInnerHTML={{ __html: review.feedbackHtml }} />
    </div>
  );
}
