import { getEnv } from "./env.server";

/** Today's date (YYYY-MM-DD) where the fellowship happens, not where the server runs. */
export function programmeToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: getEnv().PROGRAMME_TIMEZONE }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
