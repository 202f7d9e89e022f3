import { useTranslation } from "~/lib/i18n/react";
import { ProgressBar } from "~/components/ProgressBar";
import { PRACTICE_KINDS, type PracticeKind } from "#db/enums";

type Totals = {
  approved: number;
  waiting: number;
  returned: number;
  required: number;
  percent: number;
  met: boolean;
  byKind: Partial<Record<PracticeKind, number>>;
  byWeek: Array<{ week: string; approved: number; waiting: number; returned: number }>;
};

const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

/** Hours against the cohort's requirement, by kind of activity and by week. */
export function PracticeTotals({ totals, weeks = 8 }: { totals: Totals; weeks?: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <ProgressBar value={totals.percent} label={t("practice.progress", { approved: hours(totals.approved), required: totals.required })} />
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        <div className="rounded bg-green-50 p-2">
          <dt className="text-sm">{t("practice.statuses.approved")}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid="hours-approved">{hours(totals.approved)}</dd>
        </div>
        <div className="rounded bg-sky-50 p-2">
          <dt className="text-sm">{t("practice.statuses.waiting")}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid="hours-waiting">{hours(totals.waiting)}</dd>
        </div>
        <div className="rounded bg-red-50 p-2">
          <dt className="text-sm">{t("practice.statuses.returned")}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid="hours-returned">{hours(totals.returned)}</dd>
        </div>
      </dl>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">{t("practice.byKind")}</caption>
          <tbody>
            {PRACTICE_KINDS.map((k) => (
              <tr key={k} className="border-b border-slate-200">
                <th scope="row" className="py-1 font-normal">{t(`practice.kinds.${k}`)}</th>
                <td className="py-1 text-right tabular-nums">{hours(totals.byKind[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">{t("practice.byWeek")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1">{t("charts.week")}</th>
              <th scope="col" className="py-1 text-right">{t("practice.statuses.approved")}</th>
              <th scope="col" className="py-1 text-right">{t("practice.statuses.waiting")}</th>
              <th scope="col" className="py-1 text-right">{t("practice.statuses.returned")}</th>
            </tr>
          </thead>
          <tbody>
            {totals.byWeek.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-1">{t("practice.noHours")}</td>
              </tr>
            ) : (
              totals.byWeek.slice(0, weeks).map((w) => (
                <tr key={w.week} className="border-b border-slate-200">
                  <th scope="row" className="py-1 font-normal">{w.week}</th>
                  <td className="py-1 text-right tabular-nums">{hours(w.approved)}</td>
                  <td className="py-1 text-right tabular-nums">{hours(w.waiting)}</td>
                  <td className="py-1 text-right tabular-nums">{hours(w.returned)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export { hours as formatHours };
