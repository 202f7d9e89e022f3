import type { Locale } from "~/lib/i18n/config";
import { getModule, moduleInLocale } from "./catalog.server";

export type GlossaryEntry = {
  term: string;
  definition: string;
  locale: string;
  slug: string;
  moduleTitle: string;
  anchor: string;
};

/**
 * Key terms of the given modules, in the reader's language where the module
 * has it (else English), sorted the way that language sorts its script.
 */
export function glossary(slugs: string[], locale: Locale): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const slug of slugs) {
    const mod = getModule(slug);
    if (!mod) continue;
    const { version } = moduleInLocale(mod, locale);
    version.keyTerms.forEach((k, i) => {
      entries.push({
        term: k.term,
        definition: k.definition,
        locale: version.locale,
        slug,
        moduleTitle: version.frontmatter.title,
        anchor: `term-${i + 1}`,
      });
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return entries.sort((a, b) => collator.compare(a.term, b.term));
}
