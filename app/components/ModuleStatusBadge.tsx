import { useTranslation } from "~/lib/i18n/react";

const SYMBOL = { not_started: "○", in_progress: "◐", complete: "●" } as const;
const STYLE = {
  not_started: "border-slate-400 text-slate-700",
  in_progress: "border-amber-700 text-amber-900",
  complete: "border-green-700 text-green-800",
} as const;

/** Status by symbol and word, so it reads without colour. */
export function ModuleStatusBadge({ status, locked }: { status: keyof typeof SYMBOL; locked?: boolean }) {
  const { t } = useTranslation();
  if (locked) {
    return <span className="rounded border border-slate-400 px-2 py-0.5 text-xs text-slate-700">🔒 {t("modules.locked")}</span>;
  }
  return (
    <span className={`rounded border px-2 py-0.5 text-xs ${STYLE[status]}`}>
      {SYMBOL[status]} {t(`modules.status.${status}`)}
    </span>
  );
}
