import { getModule, listModuleSlugs } from "~/domain/content/catalog.server";
import { addDays } from "~/lib/dates.server";
import type { FieldError, FormErrors } from "~/lib/forms";
import type { ScheduleRow } from "./cohorts.server";
import { ScheduleRowSchema, isDate } from "./schemas";

/** What the coordinator typed in the schedule form, row by row, exactly as typed. */
export type ScheduleDraft = Array<{ slug: string; opensOn: string; dueOn: string; required: boolean }>;

export type ScheduleIntent = { kind: "save" } | { kind: "up" | "down" | "remove"; slug: string } | { kind: "add"; slug: string };

function readIntent(value: FormDataEntryValue | null): ScheduleIntent {
  const text = typeof value === "string" ? value : "";
  const [kind, slug = ""] = text.split(":");
  if (kind === "up" || kind === "down" || kind === "remove") return { kind, slug };
  if (kind === "add") return { kind, slug };
  return { kind: "save" };
}

/**
 * Reads the schedule form: one row per module (`slug`, `opensOn:<slug>`,
 * `dueOn:<slug>`, `required:<slug>`) and the button pressed — save, move a
 * row up or down, remove one, or add a module. Dates are checked on every
 * press, so a reorder never throws away dates being typed.
 */
export function readScheduleForm(form: FormData, cohort: { startsOn: string; endsOn: string }) {
  const known = new Set(listModuleSlugs());
  const draft: ScheduleDraft = [];
  for (const value of form.getAll("slug").slice(0, 100)) {
    const slug = String(value);
    if (!known.has(slug) || draft.some((r) => r.slug === slug)) continue;
    draft.push({
      slug,
      opensOn: String(form.get(`opensOn:${slug}`) ?? "").trim(),
      dueOn: String(form.get(`dueOn:${slug}`) ?? "").trim(),
      required: form.get(`required:${slug}`) === "on",
    });
  }
  let intent = readIntent(form.get("intent"));
  if (intent.kind === "add") intent = { kind: "add", slug: String(form.get("addSlug") ?? "") };

  if (intent.kind === "remove") draft.splice(draft.findIndex((r) => r.slug === intent.slug) >>> 0, 1);
  if (intent.kind === "up" || intent.kind === "down") {
    const i = draft.findIndex((r) => r.slug === intent.slug);
    const j = intent.kind === "up" ? i - 1 : i + 1;
    if (i >= 0 && j >= 0 && j < draft.length) [draft[i], draft[j]] = [draft[j], draft[i]];
  }
  if (intent.kind === "add" && known.has(intent.slug) && !draft.some((r) => r.slug === intent.slug)) {
    // A module added at the end opens when the one before it is due.
    const last = draft.at(-1);
    const opensOn = last && isDate(last.dueOn) ? last.dueOn : cohort.startsOn;
    draft.push({ slug: intent.slug, opensOn, dueOn: addDays(opensOn, 21), required: true });
  }

  const errors: FormErrors = {};
  const rows: ScheduleRow[] = [];
  for (const row of draft) {
    const parsed = ScheduleRowSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = `${String(issue.path[0])}:${row.slug}`;
        errors[field] ??= { key: issue.message.split("|")[0] } as FieldError;
      }
      continue;
    }
    if (parsed.data.dueOn && parsed.data.dueOn < parsed.data.opensOn) {
      errors[`dueOn:${row.slug}`] = { key: "cohorts.dueBeforeOpens" };
      continue;
    }
    rows.push({ slug: row.slug, opensOn: parsed.data.opensOn, dueOn: parsed.data.dueOn || null, required: parsed.data.required });
  }
  return { intent, draft, rows, errors: Object.keys(errors).length ? errors : null };
}

/** Titles for a draft, for re-rendering the form. */
export function titledDraft(draft: ScheduleDraft, title: (slug: string) => string) {
  return draft.map((r) => ({ ...r, number: getModule(r.slug)?.number ?? null, title: title(r.slug) }));
}
