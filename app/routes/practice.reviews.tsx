import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { ReviewRatings } from "~/components/practice/ReviewRatings";
import { PRACTICE_REVIEW_STAGES, type PracticeReviewStage } from "#db/enums";
import { signedAgreement } from "~/domain/practice/agreement.server";
import { listPracticeReviews, saveSelfAssessment } from "~/domain/practice/reviews.server";
import { COMMENT_MAX, REFLECTION_MAX } from "~/domain/practice/rules";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";

export const handle = { titleKey: "practiceReview.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const agreement = signedAgreement(user.id);
  return { goals: agreement?.goals.map((g) => ({ id: g.id, title: g.title })) ?? null, reviews: listPracticeReviews(user.id, "fellow") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const form = await request.formData();
  const stage = String(form.get("stage") ?? "") as PracticeReviewStage;
  if (!PRACTICE_REVIEW_STAGES.includes(stage)) return data({ stage: null, errors: { _form: { key: "form.invalidChoice" } }, values: {} }, { status: 400 });
  const texts: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key.startsWith("self:") && typeof value === "string") texts[key.slice(5)] = value.slice(0, REFLECTION_MAX);
  }
  const result = saveSelfAssessment(user.id, stage, texts, form.get("intent") === "submit");
  if (!result.ok) return data({ stage, errors: { _form: { key: result.key } }, values: texts }, { status: 400 });
  return redirectWithFlash(request, "/practice/reviews", { key: form.get("intent") === "submit" ? "practiceReview.selfSubmitted" : "practiceReview.selfSaved" });
}

export default function PracticeReviews() {
  const { t } = useTranslation();
  const { goals, reviews } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <p><Link to="/practice" className="text-brand-700 underline">← {t("practice.back")}</Link></p>
      <PageTitle>{t("practiceReview.title")}</PageTitle>
      <p className="text-slate-700">{t("practiceReview.intro")}</p>
      {!goals ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("practiceReview.needsSignedAgreement")}</p>
      ) : (
        reviews.map((review) => {
          const mine = actionData?.stage === review.stage;
          const texts = mine ? (actionData.values as Record<string, string>) : review.selfAssessment;
          return (
            <section key={review.stage} aria-labelledby={`${review.stage}-heading`} className="rounded border border-slate-200 bg-white p-4">
              <h2 id={`${review.stage}-heading`} className="mb-2 text-xl font-semibold">{t(`practiceReview.stages.${review.stage}`)}</h2>
              {mine ? <ErrorSummary errors={actionData.errors} /> : null}
              {review.selfSubmittedAt ? (
                <>
                  <h3 className="font-semibold">{t("practiceReview.yourAssessment")}</h3>
                  <dl className="mb-3 space-y-2">
                    {goals.map((g) => (
                      <div key={g.id}>
                        <dt className="font-medium">{g.title}</dt>
                        <dd className="whitespace-pre-line">{review.selfAssessment[g.id]}</dd>
                      </div>
                    ))}
                  </dl>
                  <h3 className="font-semibold">{t("practiceReview.mentorRatings")}</h3>
                  {review.releasedAt ? <ReviewRatings goals={goals} ratings={review.ratings} /> : <p>{t("practiceReview.notReleased")}</p>}
                </>
              ) : (
                <Form method="post" noValidate>
                  <input type="hidden" name="stage" value={review.stage} />
                  {goals.map((g) => (
                    <div key={g.id} className="mb-3">
                      <label htmlFor={`${review.stage}-${g.id}`} className="mb-1 block font-medium">{g.title}</label>
                      <textarea id={`${review.stage}-${g.id}`} name={`self:${g.id}`} rows={3} maxLength={COMMENT_MAX * 2} defaultValue={texts[g.id] ?? ""} className="block w-full rounded border border-slate-500 p-2" />
                    </div>
                  ))}
                  <div className="flex flex-wrap gap-3">
                    <button type="submit" name="intent" value="save" className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">{t("practiceReview.saveDraft")}</button>
                    <SubmitButton name="intent" value="submit">{t("practiceReview.submitSelf")}</SubmitButton>
                  </div>
                </Form>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
