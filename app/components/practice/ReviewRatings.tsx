import { useTranslation } from "~/lib/i18n/react";
import type { GoalRating } from "#db/enums";

/** The mentor's released ratings, goal by goal. */
export function ReviewRatings({ goals, ratings }: { goals: Array<{ id: string; title: string }>; ratings: Record<string, { rating: GoalRating | null; comment: string }> }) {
  const { t } = useTranslation();
  return (
    <dl className="space-y-2" data-testid="review-ratings">
      {goals.map((g) => (
        <div key={g.id}>
          <dt className="font-medium">{g.title}</dt>
          <dd>
            {ratings[g.id]?.rating ? <span className="font-semibold">{t(`practiceReview.ratings.${ratings[g.id].rating}`)}</span> : "—"}
            {ratings[g.id]?.comment ? <span> — {ratings[g.id].comment}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
