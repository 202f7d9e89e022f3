import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import type { PracticeKind, PracticeStatus } from "#db/enums";
import { formatHours } from "./PracticeTotals";

type Entry = {
  id: string;
  date: string;
  quarters: number;
  kind: PracticeKind;
  goalTitle: string | null;
  description: string;
  status: PracticeStatus;
  mentorComment: string | null;
  supervisionId: string | null;
};

const badge: Record<PracticeStatus, string> = {
  approved: "bg-green-100 text-green-950",
  waiting: "bg-sky-100 text-sky-950",
  returned: "bg-red-100 text-red-950",
};

/** The practice log; the fellow gets an edit link on every entry not yet approved. */
export function EntryList({ entries, editable }: { entries: Entry[]; editable: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p>{t("practice.noEntries")}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="practice-entries">
      {entries.map((e) => (
        <li key={e.id} className="p-3">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{e.date}</span>
            <span>· {t("practice.hoursValue", { hours: formatHours(e.quarters / 4) })}</span>
            <span>· {t(`practice.kinds.${e.kind}`)}</span>
            <span className={`rounded px-2 py-0.5 text-sm ${badge[e.status]}`}>{t(`practice.statuses.${e.status}`)}</span>
          </p>
          {e.goalTitle ? <p className="text-sm text-slate-700">{t("practice.forGoal", { goal: e.goalTitle })}</p> : null}
          <p className="whitespace-pre-line">{e.description}</p>
          {e.status === "returned" && e.mentorComment ? (
            <p className="mt-1 rounded border-l-4 border-red-700 bg-red-50 px-2 py-1 text-sm">
              {t("practice.mentorSaid", { comment: e.mentorComment })}
            </p>
          ) : null}
          {editable && e.status !== "approved" && !e.supervisionId ? (
            <Link to={`/practice/entries/${e.id}`} className="text-sm text-brand-700 underline">
              {t("practice.edit")}
              <span className="sr-only">: {e.date}</span>
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
