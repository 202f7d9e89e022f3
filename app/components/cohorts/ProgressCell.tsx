import { useTranslation } from "~/lib/i18n/react";
import type { CellState } from "~/domain/cohorts/facts.server";

/** A text symbol for each state beside its colour (classes in tailwind.css), so the matrix reads without colour too. */
export const CELL_SYMBOL: Record<CellState, string> = {
  not_started: "·",
  in_progress: "◐",
  submitted: "▲",
  revision_requested: "↺",
  complete: "✓",
};

export function ProgressCell({ state }: { state: CellState }) {
  const { t } = useTranslation();
  return (
    <td className={`cell cell-${state}`}>
      <span aria-hidden="true">{CELL_SYMBOL[state]}</span>
      <span className="sr-only">{t(`overview.cell.${state}`)}</span>
    </td>
  );
}

export function CellLegend() {
  const { t } = useTranslation();
  return (
    <ul className="mb-3 flex flex-wrap gap-3 text-sm" aria-label={t("overview.legend")}>
      {(Object.keys(CELL_SYMBOL) as CellState[]).map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span aria-hidden="true" className={`cell cell-${state} inline-block min-w-6 rounded`}>
            {CELL_SYMBOL[state]}
          </span>
          {t(`overview.cell.${state}`)}
        </li>
      ))}
    </ul>
  );
}
