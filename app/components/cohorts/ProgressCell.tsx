import { useTranslation } from "react-i18next";
import type { CellState } from "~/domain/cohorts/facts.server";

/** Colour and a text symbol for each state, so the matrix reads without colour too. */
export const CELL_LOOK: Record<CellState, { symbol: string; className: string }> = {
  not_started: { symbol: "·", className: "bg-white text-slate-700" },
  in_progress: { symbol: "◐", className: "bg-amber-100 text-amber-950" },
  submitted: { symbol: "▲", className: "bg-sky-100 text-sky-950" },
  revision_requested: { symbol: "↺", className: "bg-red-100 text-red-950" },
  complete: { symbol: "✓", className: "bg-green-100 text-green-950" },
};

export function ProgressCell({ state, module }: { state: CellState; module: string }) {
  const { t } = useTranslation();
  const look = CELL_LOOK[state];
  return (
    <td className={`border border-slate-200 p-0 text-center ${look.className}`}>
      <span aria-hidden="true" className="block px-2 py-1 font-semibold" title={`${module}: ${t(`overview.cell.${state}`)}`}>
        {look.symbol}
      </span>
      <span className="sr-only">{t(`overview.cell.${state}`)}</span>
    </td>
  );
}

export function CellLegend() {
  const { t } = useTranslation();
  return (
    <ul className="mb-3 flex flex-wrap gap-3 text-sm" aria-label={t("overview.legend")}>
      {(Object.keys(CELL_LOOK) as CellState[]).map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block min-w-6 rounded border border-slate-300 px-1 text-center font-semibold ${CELL_LOOK[state].className}`}>
            {CELL_LOOK[state].symbol}
          </span>
          {t(`overview.cell.${state}`)}
        </li>
      ))}
    </ul>
  );
}
