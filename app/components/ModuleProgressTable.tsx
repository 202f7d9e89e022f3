import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ModuleStatusBadge } from "./ModuleStatusBadge";

type Row = {
  slug: string;
  number: number;
  title: string;
  status: "not_started" | "in_progress" | "complete";
  locked: boolean;
  sectionsRead: number;
  sectionsTotal: number;
  bestScorePercent: number | null;
  dueOn: string | null;
  daysLate: number;
  completedAt: string | null;
  required: boolean;
};

export function ModuleProgressTable({ rows, linkModules }: { rows: Row[]; linkModules: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t("progress.module")}</th>
            <th scope="col" className="p-2">{t("progress.status")}</th>
            <th scope="col" className="p-2">{t("progress.sections")}</th>
            <th scope="col" className="p-2">{t("progress.bestScore")}</th>
            <th scope="col" className="p-2">{t("progress.due")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.slug} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-medium">
                {linkModules && !m.locked ? (
                  <Link to={`/modules/${m.slug}`} className="text-brand-700 underline">
                    {m.number}. {m.title}
                  </Link>
                ) : (
                  <>
                    {m.number}. {m.title}
                  </>
                )}
                {!m.required ? <span className="ml-1 text-xs text-slate-600">({t("modules.optional")})</span> : null}
              </th>
              <td className="p-2">
                <ModuleStatusBadge status={m.status} locked={m.locked} />
                {m.completedAt ? <div className="text-xs text-slate-600">{m.completedAt.slice(0, 10)}</div> : null}
              </td>
              <td className="p-2">
                {m.sectionsRead} / {m.sectionsTotal}
              </td>
              <td className="p-2">{m.bestScorePercent === null ? "—" : `${m.bestScorePercent}%`}</td>
              <td className="p-2">
                {m.dueOn ?? "—"}
                {m.daysLate > 0 ? <div className="font-semibold text-red-800">{t("modules.daysLate", { count: m.daysLate })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
