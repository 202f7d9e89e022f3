import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { SUPERVISION_ACTION_STATUSES, type PracticeStatus, type SupervisionActionStatus } from "#db/enums";
import { REFLECTION_MAX } from "~/domain/practice/rules";
import { formatHours } from "./PracticeTotals";

type Session = {
  id: string;
  date: string;
  quarters: number;
  topics: string;
  fellowReflection: string;
  recordedByName: string | null;
  entryStatus: PracticeStatus | null;
  actions: Array<{ id: string; text: string; status: SupervisionActionStatus }>;
};

/** Supervision sessions with their agreed actions; the fellow writes a reflection, fellow and mentor follow the actions up. */
export function SessionList({ sessions, canReflect, canFollowUp }: { sessions: Session[]; canReflect: boolean; canFollowUp: boolean }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p>{t("supervision.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="supervision-sessions">
      {sessions.map((s) => (
        <li key={s.id} className="rounded border border-slate-200 bg-white p-3">
          <p className="font-semibold">
            {s.date} · {t("practice.hoursValue", { hours: formatHours(s.quarters / 4) })}
            {s.entryStatus ? ` · ${t(`practice.statuses.${s.entryStatus}`)}` : ""}
          </p>
          <p className="text-sm text-slate-700">{t("supervision.recordedBy", { name: s.recordedByName ?? "—" })}</p>
          <p className="mt-1 whitespace-pre-line">{s.topics}</p>
          {s.actions.length ? (
            <div className="mt-2">
              <p className="font-medium">{t("supervision.actions")}</p>
              <ul className="space-y-1">
                {s.actions.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-2">
                    <span>{a.text}</span>
                    {canFollowUp ? (
                      <Form method="post" className="flex items-center gap-1">
                        <input type="hidden" name="intent" value="actionStatus" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <label htmlFor={`action-${a.id}`} className="sr-only">
                          {t("supervision.followUp", { action: a.text })}
                        </label>
                        <select id={`action-${a.id}`} name="status" defaultValue={a.status} className="rounded border border-slate-500 bg-white px-1 py-0.5 text-sm">
                          {SUPERVISION_ACTION_STATUSES.map((st) => (
                            <option key={st} value={st}>{t(`supervision.statuses.${st}`)}</option>
                          ))}
                        </select>
                        <button type="submit" className="rounded border border-slate-500 px-2 py-0.5 text-sm hover:bg-slate-100">
                          {t("supervision.update")}
                        </button>
                      </Form>
                    ) : (
                      <span className="rounded bg-slate-100 px-2 text-sm">{t(`supervision.statuses.${a.status}`)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {canReflect ? (
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="reflection" />
              <input type="hidden" name="sessionId" value={s.id} />
              <label htmlFor={`reflection-${s.id}`} className="block font-medium">{t("supervision.reflection")}</label>
              <textarea id={`reflection-${s.id}`} name="reflection" rows={3} maxLength={REFLECTION_MAX} defaultValue={s.fellowReflection} className="block w-full rounded border border-slate-500 p-2" />
              <button type="submit" className="mt-1 rounded border border-slate-500 px-3 py-1 text-sm font-semibold hover:bg-slate-100">{t("supervision.saveReflection")}</button>
            </Form>
          ) : s.fellowReflection ? (
            <div className="mt-2">
              <p className="font-medium">{t("supervision.reflection")}</p>
              <p className="whitespace-pre-line">{s.fellowReflection}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
