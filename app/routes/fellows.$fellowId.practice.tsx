import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { AgreementView } from "~/components/practice/AgreementView";
import { EntryList } from "~/components/practice/EntryList";
import { PracticeTotals } from "~/components/practice/PracticeTotals";
import { ReviewRatings } from "~/components/practice/ReviewRatings";
import { SessionForm } from "~/components/practice/SessionForm";
import { SessionList } from "~/components/practice/SessionList";
import { GOAL_RATINGS, PRACTICE_REVIEW_STAGES, SUPERVISION_ACTION_STATUSES, type GoalRating, type PracticeReviewStage, type SupervisionActionStatus } from "#db/enums";
import { getPerson } from "~/domain/accounts/users.server";
import { issueIfAutomatic } from "~/domain/certificates/certificates.server";
import { isMentorOf } from "~/domain/practice/access.server";
import { reviewAgreement, signedAgreement } from "~/domain/practice/agreement.server";
import { practiceRecord } from "~/domain/practice/practice-page.server";
import { saveRatings } from "~/domain/practice/reviews.server";
import { COMMENT_MAX } from "~/domain/practice/rules";
import { AgreementCommentSchema, SessionSchema, actionLines } from "~/domain/practice/schemas";
import { recordSession, setActionStatus } from "~/domain/practice/supervision.server";
import { canSeeFellow } from "~/domain/progress/progress.server";
import { requireAuth, type SessionUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "practice.recordTitle" };

/** The fellow, for themselves, their mentor and coordinators; 404 for anyone else. */
function fellowFor(user: SessionUser, fellowId: string) {
  const fellow = getPerson(fellowId);
  if (!fellow || fellow.role !== "fellow" || !canSeeFellow(user, fellow.id)) notFound();
  return fellow;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = requireAuth(request);
  const fellow = fellowFor(user, params.fellowId ?? "");
  const isMentor = user.role === "mentor" && isMentorOf(user.id, fellow.id);
  return {
    fellow: { id: fellow.id, name: fellow.displayName },
    viewer: user.role,
    isMentor,
    ...practiceRecord(fellow.id, user.role === "fellow" ? "fellow" : "staff", resolveLocale(request, user.locale)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = requireAuth(request);
  const fellow = fellowFor(user, params.fellowId ?? "");
  // Only the fellow's mentor changes anything here; the fellow works on /practice.
  if (user.role !== "mentor" || !isMentorOf(user.id, fellow.id)) notFound();
  const path = `/fellows/${fellow.id}/practice`;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (section: string, errors: FormErrors, values?: Record<string, string>) => data({ section, errors, values }, { status: 400 });

  if (intent === "agreementApprove" || intent === "agreementComment") {
    const parsed = parseForm(AgreementCommentSchema, form);
    if (!parsed.ok) return fail("agreement", parsed.errors, parsed.values);
    const result = await reviewAgreement(user.id, fellow.id, intent === "agreementApprove" ? "approve" : "comment", parsed.data.comment);
    if (!result.ok) return fail("agreement", { _form: { key: result.key } }, { comment: parsed.data.comment });
    return redirectWithFlash(request, `${path}#agreement`, { key: intent === "agreementApprove" ? "agreement.approved" : "agreement.commented" });
  }
  if (intent === "session") {
    const parsed = parseForm(SessionSchema, form);
    const lines = actionLines(String(form.get("actions") ?? ""));
    const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
    if (!parsed.ok || !lines.ok) return fail("session", { ...(parsed.ok ? {} : parsed.errors), ...(lines.ok ? {} : { actions: lines.error }) }, values);
    const result = recordSession(user, fellow.id, { date: parsed.data.date, quarters: parsed.data.hours, topics: parsed.data.topics, actions: lines.lines });
    if (!result.ok) return fail("session", result.errors, values);
    issueIfAutomatic(fellow.id);
    return redirectWithFlash(request, `${path}#supervision`, { key: "supervision.recorded" });
  }
  if (intent === "actionStatus") {
    const status = String(form.get("status") ?? "") as SupervisionActionStatus;
    if (SUPERVISION_ACTION_STATUSES.includes(status)) setActionStatus(user, String(form.get("actionId") ?? ""), status);
    return redirectWithFlash(request, `${path}#supervision`, { key: "supervision.actionUpdated" });
  }
  if (intent === "saveRatings" || intent === "releaseRatings") {
    const stage = String(form.get("stage") ?? "") as PracticeReviewStage;
    if (!PRACTICE_REVIEW_STAGES.includes(stage)) return fail("review", { _form: { key: "form.invalidChoice" } });
    const goals = signedAgreement(fellow.id)?.goals ?? [];
    const ratings: Record<string, { rating: GoalRating | null; comment: string }> = {};
    for (const g of goals) {
      const rating = String(form.get(`rating:${g.id}`) ?? "") as GoalRating;
      ratings[g.id] = { rating: GOAL_RATINGS.includes(rating) ? rating : null, comment: String(form.get(`comment:${g.id}`) ?? "").slice(0, COMMENT_MAX) };
    }
    const result = await saveRatings(user.id, fellow.id, stage, ratings, intent === "releaseRatings");
    const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
    if (!result.ok) return fail(`review:${stage}`, { _form: { key: result.key } }, values);
    return redirectWithFlash(request, `${path}#reviews`, { key: intent === "releaseRatings" ? "practiceReview.released" : "practiceReview.ratingsSaved" });
  }
  return fail("page", { _form: { key: "form.invalidChoice" } });
}

export default function FellowPractice() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const latest = r.agreements[0] ?? null;
  const signed = r.agreements.find((a) => a.status === "signed") ?? null;
  const section = actionData?.section;
  return (
    <div className="max-w-4xl space-y-8">
      <PageTitle>{t("practice.recordOf", { name: r.fellow.name })}</PageTitle>
      <p className="flex flex-wrap gap-4">
        <Link to={`/fellows/${r.fellow.id}/progress`} className="text-brand-700 underline">{t("practice.toProgress")}</Link>
        {r.isMentor ? <Link to="/mentor/practice" className="text-brand-700 underline">{t("mentorPractice.title")}</Link> : null}
      </p>
      <section aria-labelledby="totals-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="totals-heading" className="mb-3 text-xl font-semibold">{t("practice.totals")}</h2>
        <PracticeTotals totals={r.totals} />
      </section>

      <section id="agreement" aria-labelledby="agreement-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="agreement-heading" className="mb-2 text-xl font-semibold">{t("agreement.title")}</h2>
        {latest ? <AgreementView agreement={latest} moduleTitles={r.moduleTitles} /> : <p>{t("agreement.noneYet")}</p>}
        {r.isMentor && latest?.status === "submitted" ? (
          <Form method="post" noValidate className="mt-4">
            {section === "agreement" ? <ErrorSummary errors={actionData?.errors} /> : null}
            <label htmlFor="agreement-comment" className="mb-1 block font-medium">{t("agreement.yourComment")}</label>
            <textarea id="agreement-comment" name="comment" rows={3} maxLength={COMMENT_MAX} defaultValue={section === "agreement" ? (actionData?.values?.comment ?? "") : ""} className="mb-2 block w-full rounded border border-slate-500 p-2" />
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="intent" value="agreementApprove">{t("agreement.approve")}</SubmitButton>
              <button type="submit" name="intent" value="agreementComment" className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">{t("agreement.sendBack")}</button>
            </div>
          </Form>
        ) : null}
      </section>

      <section id="entries" aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="mb-3 text-xl font-semibold">{t("practice.entries")}</h2>
        <EntryList entries={r.entries} editable={false} />
      </section>

      <section id="supervision" aria-labelledby="supervision-heading" className="space-y-4">
        <h2 id="supervision-heading" className="text-xl font-semibold">{t("supervision.title")}</h2>
        <SessionList sessions={r.sessions} canReflect={false} canFollowUp={r.isMentor} />
        {r.isMentor ? (
          <details className="rounded border border-slate-200 bg-white p-4" open={section === "session"}>
            <summary className="cursor-pointer font-semibold">{t("supervision.recordTitle")}</summary>
            <div className="mt-3">
              <SessionForm today={r.today} values={section === "session" ? actionData?.values : undefined} errors={section === "session" ? actionData?.errors : undefined} note={t("supervision.mentorNote")} />
            </div>
          </details>
        ) : null}
      </section>

      <section id="reviews" aria-labelledby="reviews-heading" className="space-y-4">
        <h2 id="reviews-heading" className="text-xl font-semibold">{t("practiceReview.title")}</h2>
        {!signed ? (
          <p>{t("practiceReview.needsSignedAgreement")}</p>
        ) : (
          r.reviews.map((review) => {
            const mine = section === `review:${review.stage}`;
            const values = mine ? (actionData?.values ?? {}) : {};
            return (
              <div key={review.stage} className="rounded border border-slate-200 bg-white p-4">
                <h3 className="mb-2 text-lg font-semibold">{t(`practiceReview.stages.${review.stage}`)}</h3>
                {mine ? <ErrorSummary errors={actionData?.errors} /> : null}
                <p className="mb-2 text-sm">{review.selfSubmittedAt ? t("practiceReview.selfIn") : t("practiceReview.selfNotYet")}</p>
                {review.releasedAt || !r.isMentor ? (
                  review.releasedAt ? <ReviewRatings goals={signed.goals} ratings={review.ratings} /> : <p>{t("practiceReview.notReleased")}</p>
                ) : (
                  <Form method="post" noValidate>
                    <input type="hidden" name="stage" value={review.stage} />
                    {signed.goals.map((g) => (
                      <fieldset key={g.id} className="mb-3 rounded border border-slate-300 p-3">
                        <legend className="px-1 font-medium">{g.title}</legend>
                        {review.selfSubmittedAt ? <p className="mb-2 text-sm"><span className="font-medium">{t("practiceReview.fellowSays")}</span> {review.selfAssessment[g.id]}</p> : null}
                        <div className="mb-2 flex flex-wrap gap-4">
                          {GOAL_RATINGS.map((rating) => (
                            <label key={rating} className="flex items-center gap-1">
                              <input type="radio" name={`rating:${g.id}`} value={rating} defaultChecked={(values[`rating:${g.id}`] ?? review.ratings[g.id]?.rating) === rating} />
                              {t(`practiceReview.ratings.${rating}`)}
                            </label>
                          ))}
                        </div>
                        <label htmlFor={`comment-${review.stage}-${g.id}`} className="block text-sm font-medium">{t("practiceReview.comment")}</label>
                        <textarea id={`comment-${review.stage}-${g.id}`} name={`comment:${g.id}`} rows={2} maxLength={COMMENT_MAX} defaultValue={values[`comment:${g.id}`] ?? review.ratings[g.id]?.comment ?? ""} className="block w-full rounded border border-slate-500 p-2" />
                      </fieldset>
                    ))}
                    <div className="flex flex-wrap gap-3">
                      <button type="submit" name="intent" value="saveRatings" className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">{t("practiceReview.saveRatings")}</button>
                      <SubmitButton name="intent" value="releaseRatings">{t("practiceReview.release")}</SubmitButton>
                    </div>
                  </Form>
                )}
              </div>
            );
          })
        )}
      </section>
    </div>
  );
}
