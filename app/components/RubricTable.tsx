import { useTranslation } from "~/lib/i18n/react";

type Rubric = Array<{ id: string; title: string; levels: Array<{ points: number; label: string; description: string }> }>;

/** The rubric, readable on a phone: one block per criterion, its levels in order. */
export function RubricTable({ rubric, passMark }: { rubric: Rubric; passMark: number }) {
  const { t } = useTranslation();
  const max = rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
  return (
    <div className="space-y-3">
      {rubric.map((c) => (
        <div key={c.id} className="rounded border border-slate-200 bg-white p-3">
          <h3 className="mb-2 font-semibold">{c.title}</h3>
          <ul className="space-y-1 text-sm">
            {c.levels.map((l) => (
              <li key={l.points}>
                <strong>
                  {l.label} ({t("assignments.points", { count: l.points })}):
                </strong>{" "}
                {l.description}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="text-sm font-semibold">{t("assignments.passMark", { pass: passMark, max })}</p>
    </div>
  );
}
