import { useId } from "react";

/**
 * A native <progress>, labelled with the figures so it reads without colour.
 * (No inline width style: the CSP allows no inline styles.)
 */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const id = useId();
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm">
        {label}
      </label>
      <progress id={id} className="progress-bar" value={clamped} max={100}>
        {clamped}%
      </progress>
    </div>
  );
}
