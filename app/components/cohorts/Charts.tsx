import { useId, type ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/react";

type Point = { label: string; value: number };

const W = 640;
const H = 220;
const PAD = { top: 16, right: 16, bottom: 36, left: 44 };

function ticks(max: number) {
  const step = max <= 5 ? 1 : Math.ceil(max / 4 / 5) * 5;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return { top, values: out };
}

/**
 * A chart drawn on the server as SVG: readable without JavaScript, named and
 * described for screen readers, and followed by the same figures as a table.
 */
function ChartFrame({ title, summary, points, valueLabel, children }: { title: string; summary: string; points: Point[]; valueLabel: string; children: (scale: { x: (i: number) => number; y: (v: number) => number; band: number; top: number; values: number[] }) => ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(0, ...points.map((p) => p.value));
  const { top, values } = valueLabel === "%" ? { top: 100, values: [0, 25, 50, 75, 100] } : ticks(max);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = points.length ? innerW / points.length : innerW;
  const x = (i: number) => PAD.left + band * i + band / 2;
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure className="rounded border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {values.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" strokeWidth="1" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#334155">
              {v}
              {valueLabel === "%" ? "%" : ""}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={p.label} x={x(i)} y={H - 12} textAnchor="middle" fontSize="11" fill="#334155">
              {p.label.slice(5)}
            </text>
          ) : null,
        )}
        {children({ x, y, band, top, values })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("charts.showTable")}</summary>
        <table className="mt-2 border-collapse">
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-300 px-2 text-left">{t("charts.week")}</th>
              <th scope="col" className="border-b border-slate-300 px-2 text-right">{valueLabel === "%" ? t("charts.percent") : t("charts.count")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <td className="px-2">{p.label}</td>
                <td className="px-2 text-right tabular-nums">
                  {p.value}
                  {valueLabel === "%" ? "%" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function LineChart({ title, summary, points }: { title: string; summary: string; points: Point[] }) {
  return (
    <ChartFrame title={title} summary={summary} points={points} valueLabel="%">
      {({ x, y }) => (
        <>
          <polyline fill="none" stroke="#1d4ed8" strokeWidth="2.5" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")} />
          {points.map((p, i) => (
            <circle key={p.label} cx={x(i)} cy={y(p.value)} r="3" fill="#1d4ed8" />
          ))}
        </>
      )}
    </ChartFrame>
  );
}

export function BarChart({ title, summary, points }: { title: string; summary: string; points: Point[] }) {
  return (
    <ChartFrame title={title} summary={summary} points={points} valueLabel="n">
      {({ x, y, band }) =>
        points.map((p, i) => (
          <rect key={p.label} x={x(i) - band * 0.35} width={band * 0.7} y={y(p.value)} height={Math.max(0, y(0) - y(p.value))} fill="#0f766e" />
        ))
      }
    </ChartFrame>
  );
}
