import { useTranslation } from "~/lib/i18n/react";

const SYMBOL = { none: "○", draft: "✎", submitted: "⧗", revision_requested: "↺", approved: "✓" } as const;

/** Status by symbol and word, so it reads without colour. */
export function AssignmentStatusBadge({ status }: { status: keyof typeof SYMBOL | null }) {
  const { t } = useTranslation();
  const key = status ?? "none";
  return (
    <span className="rounded border border-slate-500 px-2 py-0.5 text-xs font-normal text-slate-800">
      {SYMBOL[key]} {t(`assignments.status.${key}`)}
    </span>
  );
}
