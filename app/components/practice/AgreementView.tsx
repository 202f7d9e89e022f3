import { useTranslation } from "~/lib/i18n/react";

type Goal = { id: string; title: string; activities: string; evidence: string; moduleSlug: string | null };
export type AgreementSummary = {
  version: number;
  status: string;
  organizationName: string | null;
  hoursPerWeek: number;
  mentorComment: string | null;
  fellowName: string;
  approvedByName: string | null;
  createdAt: Date | string;
  submittedAt: Date | string | null;
  approvedAt: Date | string | null;
  signedAt: Date | string | null;
  supersededAt: Date | string | null;
  goals: Goal[];
};

const when = (at: Date | string | null) => (at ? new Date(at).toISOString().slice(0, 16).replace("T", " ") : "");

/** One version of a learning agreement: its goals and who did what, when. */
export function AgreementView({ agreement, moduleTitles }: { agreement: AgreementSummary; moduleTitles: Record<string, string> }) {
  const { t } = useTranslation();
  const a = agreement;
  return (
    <div>
      <p className="mb-2">
        <span className="font-semibold">{t("agreement.versionStatus", { version: a.version, status: t(`agreement.statuses.${a.status}`) })}</span>
        {" · "}
        {t("agreement.placementLine", { organisation: a.organizationName ?? t("enrolment.noOrganisation"), hours: a.hoursPerWeek })}
      </p>
      <ol className="mb-3 space-y-2">
        {a.goals.map((g, i) => (
          <li key={g.id} className="rounded border border-slate-200 p-3">
            <p className="font-semibold">{t("agreement.goalN", { n: i + 1 })}: {g.title}</p>
            <p className="text-sm"><span className="font-medium">{t("agreement.activities")}:</span> {g.activities}</p>
            <p className="text-sm"><span className="font-medium">{t("agreement.evidence")}:</span> {g.evidence}</p>
            {g.moduleSlug ? <p className="text-sm"><span className="font-medium">{t("agreement.module")}:</span> {moduleTitles[g.moduleSlug] ?? g.moduleSlug}</p> : null}
          </li>
        ))}
      </ol>
      <h3 className="font-semibold">{t("agreement.timeline")}</h3>
      <ul className="text-sm" data-testid="agreement-timeline">
        <li>{t("agreement.drafted", { name: a.fellowName, at: when(a.createdAt) })}</li>
        {a.submittedAt ? <li>{t("agreement.submittedAt", { name: a.fellowName, at: when(a.submittedAt) })}</li> : null}
        {a.approvedAt ? <li>{t("agreement.approvedAt", { name: a.approvedByName ?? "—", at: when(a.approvedAt) })}</li> : null}
        {a.signedAt ? <li>{t("agreement.signedAt", { name: a.fellowName, at: when(a.signedAt) })}</li> : null}
        {a.supersededAt ? <li>{t("agreement.supersededAt", { at: when(a.supersededAt) })}</li> : null}
      </ul>
      {a.mentorComment ? (
        <p className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1">{t("agreement.mentorComment", { comment: a.mentorComment })}</p>
      ) : null}
    </div>
  );
}
