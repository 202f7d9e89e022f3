import type { TFunction } from "i18next";
import { escapeHtml } from "~/lib/html";
import { CompressedVariants, SharedStretch, stretchesText, type Stretch } from "~/lib/spliced-gzip.server";
import type { Question } from "./schema";
import { scoreAttempt } from "~/domain/progress/scoring";

export type BodyState =
  | {
      mode: "fellow";
      readSectionIds: Set<string>;
      lastAttempt: { answers: Record<string, string[]>; scorePercent: number } | null;
      minScore: number | null;
      reflections: Map<string, { text: string; updatedAt: Date }>;
      reflectionDraft?: { id: string; text: string; errorKey: string } | null;
    }
  | { mode: "read-only" };

/** A per-reader place in a compiled body, as the content build leaves it. */
type Slot =
  | { kind: "section-end"; text: string; id: string }
  | { kind: "kc-result"; text: string }
  | { kind: "kc-feedback"; text: string; id: string }
  | { kind: "option"; text: string; questionId: string; optionId: string }
  | { kind: "kc-submit"; text: string }
  | { kind: "reflection-submit"; text: string }
  | { kind: "reflection-status"; text: string; id: string }
  | { kind: "reflection"; text: string; open: string; id: string };

/**
 * A compiled body cut at its slots, once per module and language: the text
 * between slots is the same for every reader, and the longer stretches of it
 * are compressed once (see spliced-gzip).
 */
export type BodyTemplate = {
  stretches: Array<string | SharedStretch>;
  slots: Slot[];
  /** The variants of each run of short stretches and slots, by where the run starts. */
  runs: Array<CompressedVariants | undefined>;
};

// Shorter stretches join the slots around them in a run (see fillModuleBodyStretches).
const PRECOMPRESS_MIN = 1024;

const SLOT =
  /<div data-section-end="([^"]*)"><\/div>|<div data-kc-result=""><\/div>|<div data-kc-feedback="([^"]+)"><\/div>|data-opt="([^":]+):([^"]+)"|<div data-kc-submit="">[\s\S]*?<\/div>|<div data-reflection-submit="">[\s\S]*?<\/div>|<div data-reflection-status="([^"]+)"><\/div>|(<textarea[^>]*data-reflection="([^"]+)"[^>]*>)<\/textarea>/g;

function slotOf(m: RegExpExecArray): Slot {
  const text = m[0];
  if (m[1] !== undefined) return { kind: "section-end", text, id: m[1] };
  if (m[2] !== undefined) return { kind: "kc-feedback", text, id: m[2] };
  if (m[3] !== undefined) return { kind: "option", text, questionId: m[3], optionId: m[4] };
  if (m[5] !== undefined) return { kind: "reflection-status", text, id: m[5] };
  if (m[6] !== undefined) return { kind: "reflection", text, open: m[6], id: m[7] };
  if (text.startsWith("<div data-kc-result")) return { kind: "kc-result", text };
  if (text.startsWith("<div data-kc-submit")) return { kind: "kc-submit", text };
  return { kind: "reflection-submit", text };
}

const templates = new Map<string, BodyTemplate>();

/** The template of a compiled body, made on first use and kept (bodies are few and never change in production). */
export function bodyTemplate(html: string): BodyTemplate {
  let template = templates.get(html);
  if (!template) {
    const stretches: BodyTemplate["stretches"] = [];
    const slots: Slot[] = [];
    let at = 0;
    for (const m of html.matchAll(SLOT)) {
      const between = html.slice(at, m.index);
      stretches.push(between.length >= PRECOMPRESS_MIN ? new SharedStretch(between) : between);
      slots.push(slotOf(m as RegExpExecArray));
      at = m.index + m[0].length;
    }
    const rest = html.slice(at);
    stretches.push(rest.length >= PRECOMPRESS_MIN ? new SharedStretch(rest) : rest);
    template = { stretches, slots, runs: [] };
    if (templates.size > 500) templates.clear(); // `npm run dev` rebuilds bodies; production has about 50
    templates.set(html, template);
  }
  return template;
}

/**
 * Fills the per-user slots of a module body compiled at build time: "Mark as
 * read" or a read mark per section, the fellow's last answers with the score
 * and the explanations, and their journal notes. The body is never
 * re-rendered through React per request: the slots are filled in a template
 * cut once, and the result is the template's stretches with the reader's text
 * between them.
 */
export function fillModuleBodyStretches(
  html: string,
  state: BodyState,
  questions: { scoring: Question[]; shown: Question[] },
  t: TFunction,
): Stretch[] {
  const template = bodyTemplate(html);
  const fill = state.mode === "read-only" ? readOnlySlot(questions, t) : fellowSlot(state, questions, t);
  const text = (stretch: string | SharedStretch) => (typeof stretch === "string" ? stretch : stretch.text);
  const out: Stretch[] = [];
  // Text since the last shared stretch or reader's own text: short stretches and the slots between them.
  let run: string[] = [];
  let runAt = 0;
  let runAfter: SharedStretch | null = null;
  const endRun = (next: number) => {
    const joined = run.join("");
    const variants = joined.length >= PRECOMPRESS_MIN ? (template.runs[runAt] ??= new CompressedVariants()) : null;
    // Right after a shared stretch, the run refers back into it: those bytes always come before it.
    out.push(variants?.get(joined, runAfter?.text) ?? joined);
    run = [];
    runAt = next;
    runAfter = null;
  };
  const first = template.stretches[0];
  if (typeof first === "string") run.push(first);
  else {
    out.push(first.compressed());
    runAfter = first;
  }
  let firstKcResult = true;
  let firstKcSubmit = true;
  template.slots.forEach((slot, i) => {
    // The knowledge check has one result and one submit button: only the first of each is filled.
    const isFirst = slot.kind === "kc-result" ? firstKcResult : slot.kind === "kc-submit" ? firstKcSubmit : true;
    if (slot.kind === "kc-result") firstKcResult = false;
    if (slot.kind === "kc-submit") firstKcSubmit = false;
    const filled = isFirst ? fill(slot) : slot.text;
    const next = template.stretches[i + 1];
    // A section's end ("Mark as read", or the read mark: two texts) is compressed once with the
    // shared stretch after it, referring back into the stretch before it.
    if (slot.kind === "section-end" && typeof next !== "string") {
      const led = next.compressedWithLead(filled, () => text(template.stretches[i]));
      if (led) {
        endRun(i + 1);
        out.push(led);
        runAfter = next;
        return;
      }
    }
    if (slot.kind === "reflection" || slot.kind === "reflection-status") {
      // The reader's own words (or when they were saved): never kept beyond this request.
      endRun(i + 1);
      out.push(filled);
    } else {
      run.push(filled);
    }
    if (typeof next === "string") {
      run.push(next);
      return;
    }
    endRun(i + 1);
    out.push(next.compressed());
    runAfter = next;
  });
  endRun(template.slots.length + 1);
  return out.filter((s) => s !== "");
}

/** The filled body as one string (the body route, tests). */
export function fillModuleBody(...args: Parameters<typeof fillModuleBodyStretches>): string {
  return stretchesText(fillModuleBodyStretches(...args));
}

function readOnlySlot(questions: { shown: Question[] }, t: TFunction) {
  const shown = new Map(questions.shown.map((q) => [q.id, q]));
  return (slot: Slot): string => {
    switch (slot.kind) {
      case "section-end":
      case "kc-submit":
      case "reflection-submit":
        return "";
      case "kc-result":
        return `<p class="kc-note">${escapeHtml(t("modules.staffKnowledgeCheck"))}</p>`;
      case "kc-feedback": {
        const q = shown.get(slot.id);
        if (!q) return "";
        const answer = (Array.isArray(q.answer) ? q.answer : [q.answer])
          .map((a) => q.options.find((o) => o.id === a)?.text ?? a)
          .join("; ");
        return `<div class="kc-feedback"><p><strong>${escapeHtml(t("modules.correctAnswer"))}</strong> ${escapeHtml(answer)}</p><p>${escapeHtml(q.explanation)}</p></div>`;
      }
      case "reflection-status":
        return `<p class="reflection-hint">${escapeHtml(t("modules.staffReflection"))}</p>`;
      case "reflection":
        return slot.text.replace(/(<textarea[^>]*data-reflection="[^"]*")/, "$1 disabled");
      case "option":
        return slot.text;
    }
  };
}

function fellowSlot(
  state: Extract<BodyState, { mode: "fellow" }>,
  questions: { scoring: Question[]; shown: Question[] },
  t: TFunction,
) {
  const shown = new Map(questions.shown.map((q) => [q.id, q]));
  const attempt = state.lastAttempt;
  const scored = attempt ? scoreAttempt(questions.scoring, attempt.answers) : null;
  return (slot: Slot): string => {
    switch (slot.kind) {
      case "section-end":
        return state.readSectionIds.has(slot.id)
          ? `<p class="read-mark">✓ ${escapeHtml(t("modules.sectionRead"))}</p>`
          : `<form method="post" action="#${slot.id}" class="mark-read" data-enhance=""><input type="hidden" name="intent" value="mark-read"/><input type="hidden" name="sectionId" value="${escapeHtml(slot.id)}"/><button type="submit" class="button-secondary">${escapeHtml(t("modules.markRead"))}</button></form>`;
      case "kc-result": {
        if (!scored || !attempt) return slot.text;
        const passed = state.minScore === null || attempt.scorePercent >= state.minScore;
        const summary = t("modules.kcScore", { correct: scored.correct, total: scored.total, percent: attempt.scorePercent });
        const verdict = passed ? t("modules.kcPassed") : t("modules.kcRetry", { min: state.minScore ?? 0 });
        return `<div class="kc-result ${passed ? "kc-passed" : "kc-failed"}" role="status"><p><strong>${escapeHtml(summary)}</strong></p><p>${escapeHtml(verdict)}</p></div>`;
      }
      case "kc-feedback": {
        if (!scored) return slot.text;
        const result = scored.results[slot.id];
        const q = shown.get(slot.id);
        if (!result || !q) return "";
        const label = result.correct ? `✓ ${t("modules.kcCorrect")}` : `✗ ${t("modules.kcIncorrect")}`;
        return `<div class="kc-feedback ${result.correct ? "kc-correct" : "kc-incorrect"}"><p><strong>${escapeHtml(label)}</strong></p><p>${escapeHtml(q.explanation)}</p></div>`;
      }
      case "option":
        return scored?.results[slot.questionId]?.chosen.includes(slot.optionId) ? `${slot.text} checked=""` : slot.text;
      case "kc-submit":
        return scored ? slot.text.replace(/(<div data-kc-submit="">\s*<button[^>]*>)[^<]*/, `$1${escapeHtml(t("modules.kcTryAgain"))}`) : slot.text;
      case "reflection-submit":
        return slot.text;
      case "reflection": {
        const draft = state.reflectionDraft?.id === slot.id ? state.reflectionDraft.text : undefined;
        const text = draft ?? state.reflections.get(slot.id)?.text ?? "";
        return `${slot.open}${escapeHtml(text)}</textarea>`;
      }
      case "reflection-status": {
        if (state.reflectionDraft?.id === slot.id) {
          return `<p class="form-error" role="alert">${escapeHtml(t(state.reflectionDraft.errorKey, { max: 10000 }))}</p>`;
        }
        const saved = state.reflections.get(slot.id);
        return saved
          ? `<p class="reflection-saved" role="status">${escapeHtml(t("modules.reflectionSaved", { date: saved.updatedAt.toISOString().slice(0, 16).replace("T", " ") }))}</p>`
          : "";
      }
    }
  };
}
