/**
 * The learning components, one typed map. They render once, when content is
 * built, to plain HTML and forms that work without JavaScript. Per-user state
 * (sections read, answers, journal text) is filled in later by the server at
 * the `data-*` placeholders, so correct answers and explanations never enter
 * the HTML: they are collected here for the server to keep.
 */
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { TFunction } from "i18next";
import type { z } from "zod";
import {
  CalloutPropsSchema,
  CaseStudyPropsSchema,
  FigurePropsSchema,
  KeyTermPropsSchema,
  QuestionSchema,
  ReflectionPropsSchema,
  VideoPropsSchema,
  type Question,
} from "./schema";

export type Collector = {
  sectionIds: string[];
  sections: Array<{ id: string; title: string }>;
  questions: Question[];
  reflections: Array<{ id: string; prompt: string }>;
  keyTerms: Array<{ term: string; definition: string; sectionId: string | null }>;
  assets: string[];
  errors: string[];
  knowledgeChecks: number;
};

export function newCollector(sectionIds: string[]): Collector {
  return { sectionIds, sections: [], questions: [], reflections: [], keyTerms: [], assets: [], errors: [], knowledgeChecks: 0 };
}

function check<T>(collector: Collector, component: string, schema: z.ZodType<T>, props: unknown): T | null {
  const parsed = schema.safeParse(props);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    collector.errors.push(`<${component}> ${issue.path.join(".") || "props"}: ${issue.message}`);
  }
  return null;
}

const textOf = (node: ReactNode) => renderToStaticMarkup(<>{node}</>).replace(/<[^>]+>/g, "").trim();

export function createLearningComponents(collector: Collector, t: TFunction, assetBase: string) {
  let currentSection: string | null = null;

  function H2({ children, id }: { children?: ReactNode; id?: string }) {
    const index = collector.sections.length;
    currentSection = id ?? collector.sectionIds[index] ?? `section-${index + 1}`;
    collector.sections.push({ id: currentSection, title: textOf(children) });
    return (
      <h2 id={currentSection} tabIndex={-1}>
        {children}
      </h2>
    );
  }

  function Callout(props: { type: string; title?: string; children?: ReactNode }) {
    const p = check(collector, "Callout", CalloutPropsSchema, { type: props.type, title: props.title });
    if (!p) return null;
    return (
      <aside className={`callout callout-${p.type}`}>
        <p className="callout-title">
          <strong>{t(`content.callout.${p.type}`)}</strong>
          {p.title ? <>: {p.title}</> : null}
        </p>
        {props.children}
      </aside>
    );
  }

  function KeyTerm(props: { term: string; children?: ReactNode }) {
    const p = check(collector, "KeyTerm", KeyTermPropsSchema, { term: props.term });
    if (!p) return null;
    const anchor = `term-${collector.keyTerms.length + 1}`;
    collector.keyTerms.push({ term: p.term, definition: textOf(props.children), sectionId: currentSection });
    return (
      <dl className="key-term" id={anchor}>
        <dt>
          <span className="key-term-label">{t("content.keyTerm")}</span> <dfn>{p.term}</dfn>
        </dt>
        <dd>{props.children}</dd>
      </dl>
    );
  }

  function CaseStudy(props: { title: string; location: string; people: string[]; questions: string[]; children?: ReactNode }) {
    const p = check(collector, "CaseStudy", CaseStudyPropsSchema, {
      title: props.title,
      location: props.location,
      people: props.people,
      questions: props.questions,
    });
    if (!p) return null;
    return (
      <section className="case-study">
        <p className="case-study-label">{t("content.caseStudy")}</p>
        <h3>{p.title}</h3>
        <p className="case-study-location">{p.location}</p>
        <h4>{t("content.people")}</h4>
        <ul>
          {p.people.map((person) => (
            <li key={person}>{person}</li>
          ))}
        </ul>
        {props.children}
        <h4>{t("content.questionsToThinkAbout")}</h4>
        <ol>
          {p.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      </section>
    );
  }

  function Question(props: Record<string, unknown>) {
    const q = check(collector, `Question id="${String(props.id)}"`, QuestionSchema, props);
    if (!q) return null;
    if (collector.questions.some((other) => other.id === q.id)) collector.errors.push(`<Question> id "${q.id}" repeats`);
    collector.questions.push(q);
    const number = collector.questions.length;
    const inputType = q.type === "single" ? "radio" : "checkbox";
    // No answer and no explanation here: they stay on the server.
    return (
      <fieldset className="kc-question" data-question={q.id}>
        <legend>
          <span className="kc-number">{number}.</span> {q.prompt}
        </legend>
        <p className="kc-hint">{t(q.type === "single" ? "content.chooseOne" : "content.chooseAll")}</p>
        <ul className="kc-options">
          {q.options.map((o) => (
            <li key={o.id}>
              <input type={inputType} name={`q:${q.id}`} value={o.id} id={`q-${q.id}-${o.id}`} data-opt={`${q.id}:${o.id}`} />{" "}
              <label htmlFor={`q-${q.id}-${o.id}`}>{o.text}</label>
            </li>
          ))}
        </ul>
        <div data-kc-feedback={q.id} />
      </fieldset>
    );
  }

  function KnowledgeCheck({ children }: { children?: ReactNode }) {
    collector.knowledgeChecks += 1;
    return (
      // tabIndex -1: after the answers are checked the page comes back here, and focus with it.
      <section className="knowledge-check" id="knowledge-check" aria-labelledby="knowledge-check-title" tabIndex={-1}>
        <h3 id="knowledge-check-title">{t("content.knowledgeCheck")}</h3>
        <div data-kc-result="" />
        <form method="post" action="#knowledge-check" data-enhance="">
          <input type="hidden" name="intent" value="knowledge-check" />
          {children}
          <div data-kc-submit="">
            <button type="submit" className="button">
              {t("content.checkAnswers")}
            </button>
          </div>
        </form>
      </section>
    );
  }

  function Reflection(props: { id: string; prompt: string }) {
    const p = check(collector, "Reflection", ReflectionPropsSchema, { id: props.id, prompt: props.prompt });
    if (!p) return null;
    collector.reflections.push(p);
    const fieldId = `reflection-${p.id}`;
    return (
      <section className="reflection" id={fieldId + "-box"} tabIndex={-1}>
        <form method="post" action={`#${fieldId}-box`} data-enhance="">
          <input type="hidden" name="intent" value="reflection" />
          <input type="hidden" name="reflectionId" value={p.id} />
          <p className="reflection-label">{t("content.reflection")}</p>
          <label htmlFor={fieldId}>{p.prompt}</label>
          <p className="reflection-hint" id={`${fieldId}-hint`}>
            {t("content.reflectionPrivate")}
          </p>
          <textarea id={fieldId} name="text" rows={6} maxLength={10000} aria-describedby={`${fieldId}-hint`} data-reflection={p.id} />
          <div data-reflection-status={p.id} />
          <div data-reflection-submit="">
            <button type="submit" className="button">
              {t("content.saveReflection")}
            </button>
          </div>
        </form>
      </section>
    );
  }

  function Figure(props: { src: string; alt: string; caption?: string }) {
    const p = check(collector, "Figure", FigurePropsSchema, { src: props.src, alt: props.alt, caption: props.caption });
    if (!p) return null;
    collector.assets.push(p.src);
    return (
      <figure className="figure">
        <img src={`${assetBase}/${p.src}`} alt={p.alt} loading="lazy" decoding="async" />
        {p.caption ? <figcaption>{p.caption}</figcaption> : null}
      </figure>
    );
  }

  function Video(props: { href: string; title: string; poster?: string; children?: ReactNode }) {
    const p = check(collector, "Video", VideoPropsSchema, { href: props.href, title: props.title, poster: props.poster });
    if (!p) return null;
    if (p.poster) collector.assets.push(p.poster);
    // A link, not an embed: nothing heavy loads until the fellow asks for it.
    return (
      <figure className="video">
        {p.poster ? <img src={`${assetBase}/${p.poster}`} alt="" loading="lazy" decoding="async" /> : null}
        <figcaption>
          <a href={p.href} rel="noopener nofollow">
            {t("content.watchVideo", { title: p.title })}
          </a>
        </figcaption>
        <details>
          <summary>{t("content.transcript")}</summary>
          {props.children}
        </details>
      </figure>
    );
  }

  return { h2: H2, Callout, KeyTerm, CaseStudy, KnowledgeCheck, Question, Reflection, Figure, Video };
}
