import { getEnv } from "./env.server";

let formatter: { zone: string; format: Intl.DateTimeFormat } | undefined;

/** Today's date (YYYY-MM-DD) where the fellowship happens, not where the server runs. */
export function programmeToday(now = new Date()): string {
  const zone = getEnv().PROGRAMME_TIMEZONE;
  // Building a DateTimeFormat costs far more than using one: keep it.
  if (formatter?.zone !== zone) formatter = { zone, format: new Intl.DateTimeFormat("en-CA", { timeZone: zone }) };
  return formatter.format.format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
