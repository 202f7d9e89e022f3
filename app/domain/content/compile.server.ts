import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { LOCALES } from "#db/enums";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { createLearningComponents, newCollector } from "./components";
import {
  FrontmatterSchema,
  TranslationFrontmatterSchema,
  type CompiledLocale,
  type CompiledModule,
} from "./schema";

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const MODULE_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const HEADING_ID = /^##[ \t]+(.+?)[ \t]*\{#([^}]*)\}[ \t]*$/;

/** `## Title {#id}`: the id is taken out before MDX sees it (braces are JavaScript in MDX). */
export function extractSectionIds(source: string, file: string) {
  const ids: string[] = [];
  const problems: string[] = [];
  let inFence = false;
  const lines = source.split("\n").map((line, i) => {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || !/^##[ \t]/.test(line)) return line;
    const match = HEADING_ID.exec(line);
    if (!match) {
      problems.push(`line ${i + 1}: section heading "${line.slice(3).trim()}" needs an id, like {#my-section}`);
      return line;
    }
    const id = match[2];
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`line ${i + 1}: section id "${id}": use lower-case letters, digits and hyphens`);
    if (ids.includes(id)) problems.push(`line ${i + 1}: section id "${id}" repeats`);
    ids.push(id);
    return `## ${match[1]}`;
  });
  if (problems.length) throw new ContentError(file, problems);
  return { source: lines.join("\n"), ids };
}

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/**
 * Wraps each `##` heading and what follows it in a <section>, gives the
 * heading its id, and ends the section with a slot the server fills with
 * "Mark as read" for the reader.
 */
function rehypeSections({ ids }: { ids: string[] }) {
  return (tree: HastNode) => {
    const children: HastNode[] = [];
    let current: HastNode | null = null;
    let index = 0;
    for (const node of tree.children ?? []) {
      if (node.type === "element" && node.tagName === "h2") {
        const id = ids[index++];
        node.properties = { ...node.properties, id };
        current = {
          type: "element",
          tagName: "section",
          properties: { className: ["module-section"], ariaLabelledBy: id },
          children: [node],
        };
        children.push(current);
      } else if (current) {
        current.children!.push(node);
      } else {
        children.push(node);
      }
    }
    for (const node of children) {
      if (node.tagName === "section" && node.properties?.ariaLabelledBy) {
        node.children!.push({
          type: "element",
          tagName: "div",
          properties: { dataSectionEnd: node.properties.ariaLabelledBy },
          children: [],
        });
      }
    }
    tree.children = children;
  };
}

function fieldProblems(error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
  return error.issues.map((i) => `frontmatter ${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
}

function countWords(html: string) {
  return html.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean).length;
}

export async function compileLocale(file: string, locale: string, slug: string): Promise<CompiledLocale> {
  const raw = fs.readFileSync(file, "utf8");
  const { source, ids } = extractSectionIds(raw, file);
  let result;
  try {
    result = await bundleMDX({
      source,
      cwd: path.resolve(path.dirname(file)),
      mdxOptions(options) {
        // GitHub-flavoured Markdown: tables, strikethrough and autolinks in module text.
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), [rehypeSections, { ids }]];
        return options;
      },
    });
  } catch (error) {
    const messages =
      (error as { errors?: Array<{ text: string; location?: { line: number } }> }).errors?.map(
        (e) => `${e.location ? `line ${e.location.line}: ` : ""}${e.text}`,
      ) ?? [error instanceof Error ? error.message : String(error)];
    throw new ContentError(file, messages);
  }
  const schema = locale === "en" ? FrontmatterSchema : TranslationFrontmatterSchema;
  const frontmatter = schema.safeParse(result.frontmatter);
  if (!frontmatter.success) throw new ContentError(file, fieldProblems(frontmatter.error));

  const collector = newCollector(ids);
  const components = createLearningComponents(collector, getFixedT(locale as never), `/content/${slug}`);
  const Component = getMDXComponent(result.code);
  let html: string;
  try {
    html = renderToStaticMarkup(createElement(Component, { components: components as never }));
  } catch (error) {
    throw new ContentError(file, [`rendering failed: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const problems = [...collector.errors];
  if (collector.knowledgeChecks > 1) problems.push("more than one <KnowledgeCheck>");
  if (collector.sections.length !== ids.length) problems.push("every section heading must be a top-level ## line");
  for (const asset of collector.assets) {
    if (!fs.existsSync(path.join(path.dirname(file), asset))) problems.push(`file "${asset}" is not beside the module`);
  }
  if (problems.length) throw new ContentError(file, problems);
  const bodyTranslated = locale === "en" || result.matter.content.trim() !== "";
  if (locale === "en" && collector.sections.length === 0) throw new ContentError(file, ["the module has no ## sections"]);
  return {
    locale,
    bodyTranslated,
    frontmatter: frontmatter.data,
    sections: collector.sections,
    html,
    questions: collector.questions,
    reflections: collector.reflections,
    keyTerms: collector.keyTerms,
    words: countWords(html),
  };
}

/** What must match between English and a translation, so progress and grades carry over. */
export function compareWithEnglish(en: CompiledLocale, other: CompiledLocale, file: string) {
  const problems: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${label} differ from English: ${JSON.stringify(b)} vs ${JSON.stringify(a)}`);
  };
  if (other.bodyTranslated) compareBodies(en, other, same);
  same("assignment key", en.frontmatter.assignment.key, other.frontmatter.assignment.key);
  same(
    "rubric criteria and points",
    en.frontmatter.assignment.rubric.map((c) => [c.id, c.levels.map((l) => l.points)]),
    other.frontmatter.assignment.rubric.map((c) => [c.id, c.levels.map((l) => l.points)]),
  );
  same("pass mark", en.frontmatter.assignment.passMark, other.frontmatter.assignment.passMark);
  same("learning outcome count", en.frontmatter.learningOutcomes.length, other.frontmatter.learningOutcomes.length);
  if (problems.length) throw new ContentError(file, problems);
}

function compareBodies(en: CompiledLocale, other: CompiledLocale, same: (label: string, a: unknown, b: unknown) => void) {
  same("section ids", en.sections.map((s) => s.id), other.sections.map((s) => s.id));
  same("knowledge-check question ids", en.questions.map((q) => q.id), other.questions.map((q) => q.id));
  same(
    "knowledge-check answers",
    en.questions.map((q) => [q.type, q.options.map((o) => o.id), q.answer]),
    other.questions.map((q) => [q.type, q.options.map((o) => o.id), q.answer]),
  );
  same("reflection ids", en.reflections.map((r) => r.id), other.reflections.map((r) => r.id));
}

export function moduleFiles(dir: string) {
  return fs
    .readdirSync(dir)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** The cache key: the compiler's version, this pipeline's code and every file of the module. */
export function moduleHash(dir: string, compilerFiles: string[]) {
  const hash = crypto.createHash("sha256");
  const version = JSON.parse(fs.readFileSync(path.resolve("node_modules/mdx-bundler/package.json"), "utf8")).version;
  hash.update(`mdx-bundler@${version}\n`);
  for (const f of compilerFiles) hash.update(fs.readFileSync(f));
  for (const f of moduleFiles(dir)) {
    hash.update(`${f}\n`);
    hash.update(fs.readFileSync(path.join(dir, f)));
  }
  return hash.digest("hex").slice(0, 16);
}

export async function compileModule(dir: string, hash: string): Promise<CompiledModule> {
  const name = path.basename(dir);
  const match = MODULE_DIR.exec(name);
  if (!match) throw new ContentError(dir, ["a module folder is named NN-slug, like 01-rights-based-social-work"]);
  const [, number, slug] = match;
  const english = path.join(dir, "index.mdx");
  if (!fs.existsSync(english)) throw new ContentError(dir, ["index.mdx (English) is missing"]);
  const en = await compileLocale(english, "en", slug);
  const locales: Record<string, CompiledLocale> = { en };
  for (const locale of LOCALES) {
    if (locale === "en") continue;
    const file = path.join(dir, `index.${locale}.mdx`);
    if (!fs.existsSync(file)) continue;
    const compiled = await compileLocale(file, locale, slug);
    compareWithEnglish(en, compiled, file);
    locales[locale] = compiled;
  }
  for (const f of moduleFiles(dir)) {
    if (/^index\..+\.mdx$/.test(f) && !LOCALES.some((l) => f === `index.${l}.mdx`)) {
      throw new ContentError(path.join(dir, f), [`"${f}" is not a known language (${LOCALES.join(", ")})`]);
    }
  }
  return { slug, number: Number(number), hash, completion: (en.frontmatter as { completion: CompiledModule["completion"] }).completion, locales };
}
