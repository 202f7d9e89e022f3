import type { TFunction } from "i18next";
import { escapeHtml } from "~/lib/html";
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

/**
 * Fills the per-user slots of a module body compiled at build time: "Mark as
 * read" or a read mark per section, the fellow's last answers with the score
 * and the explanations, and their journal notes. String replacement on known
 * placeholders, so the body is never re-rendered through React per request.
 */
export function fillModuleBody(
  html: string,
  state: BodyState,
  questions: { scoring: Question[]; shown: Question[] },
  t: TFunction,
): string {
  const shown = new Map(questions.shown.map((q) => [q.id, q]));
  if (state.mode === "read-only") {
    return html
      .replace(/<div data-section-end="[^"]*"><\/div>/g, "")
      .replace(/<div data-kc-result=""><\/div>/, `<p class="kc-note">${escapeHtml(t("modules.staffKnowledgeCheck"))}</p>`)
      .replace(/<div data-kc-feedback="([^"]+)"><\/div>/g, (_m, id: string) => {
        const q = shown.get(id);
        if (!q) return "";
        const answer = (Array.isArray(q.answer) ? q.answer : [q.answer])
          .map((a) => q.options.find((o) => o.id === a)?.text ?? a)
          .join("; ");
        return `<div class="kc-feedback"><p><strong>${escapeHtml(t("modules.correctAnswer"))}</strong> ${escapeHtml(answer)}</p><p>${escapeHtml(q.explanation)}</p></div>`;
      })
      .replace(/<div data-kc-submit="">[\s\S]*?<\/div>/, "")
      .replace(/<div data-reflection-submit="">[\s\S]*?<\/div>/g, "")
      .replace(/<div data-reflection-status="[^"]*"><\/div>/g, `<p class="reflection-hint">${escapeHtml(t("modules.staffReflection"))}</p>`)
      .replace(/(<textarea[^>]*data-reflection="[^"]*")/g, "$1 disabled");
  }

  const attempt = state.lastAttempt;
  const scored = attempt ? scoreAttempt(questions.scoring, attempt.answers) : null;
  let out = html.replace(/<div data-section-end="([^"]+)"><\/div>/g, (_m, id: string) =>
    state.readSectionIds.has(id)
      ? `<p class="read-mark">✓ ${escapeHtml(t("modules.sectionRead"))}</p>`
      : `<form method="post" action="#${id}" class="mark-read" data-enhance=""><input type="hidden" name="intent" value="mark-read"/><input type="hidden" name="sectionId" value="${escapeHtml(id)}"/><button type="submit" class="button-secondary">${escapeHtml(t("modules.markRead"))}</button></form>`,
  );
  if (scored && attempt) {
    const passed = state.minScore === null || attempt.scorePercent >= state.minScore;
    const summary = t("modules.kcScore", { correct: scored.correct, total: scored.total, percent: attempt.scorePercent });
    const verdict = passed ? t("modules.kcPassed") : t("modules.kcRetry", { min: state.minScore ?? 0 });
    out = out
      .replace(
        /<div data-kc-result=""><\/div>/,
        `<div class="kc-result ${passed ? "kc-passed" : "kc-failed"}" role="status"><p><strong>${escapeHtml(summary)}</strong></p><p>${escapeHtml(verdict)}</p></div>`,
      )
      .replace(/<div data-kc-feedback="([^"]+)"><\/div>/g, (_m, id: string) => {
        const result = scored.results[id];
        const q = shown.get(id);
        if (!result || !q) return "";
        const label = result.correct ? `✓ ${t("modules.kcCorrect")}` : `✗ ${t("modules.kcIncorrect")}`;
        return `<div class="kc-feedback ${result.correct ? "kc-correct" : "kc-incorrect"}"><p><strong>${escapeHtml(label)}</strong></p><p>${escapeHtml(q.explanation)}</p></div>`;
      })
      .replace(/data-opt="([^":]+):([^"]+)"/g, (m, qid: string, oid: string) =>
        scored.results[qid]?.chosen.includes(oid) ? `${m} checked=""` : m,
      )
      .replace(/(<div data-kc-submit="">\s*<button[^>]*>)[^<]*/, `$1${escapeHtml(t("modules.kcTryAgain"))}`);
  }
  out = out
    .replace(/(<textarea[^>]*data-reflection="([^"]+)"[^>]*>)<\/textarea>/g, (_m, open: string, id: string) => {
      const draft = state.reflectionDraft?.id === id ? state.reflectionDraft.text : undefined;
      const text = draft ?? state.reflections.get(id)?.text ?? "";
      return `${open}${escapeHtml(text)}</textarea>`;
    })
    .replace(/<div data-reflection-status="([^"]+)"><\/div>/g, (_m, id: string) => {
      if (state.reflectionDraft?.id === id) {
        return `<p class="form-error" role="alert">${escapeHtml(t(state.reflectionDraft.errorKey, { max: 10000 }))}</p>`;
      }
      const saved = state.reflections.get(id);
      return saved
        ? `<p class="reflection-saved" role="status">${escapeHtml(t("modules.reflectionSaved", { date: saved.updatedAt.toISOString().slice(0, 16).replace("T", " ") }))}</p>`
        : "";
    });
  return out;
}
