import { listModuleSlugs, getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getFellowPlacement } from "~/domain/cohorts/placements.server";
import { programmeToday } from "~/lib/dates.server";
import type { Locale } from "~/lib/i18n/config";
import { listAgreements } from "./agreement.server";
import { fellowTotals, goalChoices, listEntries } from "./hours.server";
import { listPracticeReviews } from "./reviews.server";
import { listSessions } from "./supervision.server";

/** Module titles in the reader's language, for goals linked to modules. */
export function moduleTitles(locale: Locale) {
  return Object.fromEntries(listModuleSlugs().map((slug) => [slug, moduleInLocale(getModule(slug)!, locale).version.frontmatter.title]));
}

/** A fellow's whole practice record, as the fellow, their mentor or a coordinator reads it. */
export function practiceRecord(fellowId: string, viewer: "fellow" | "staff", locale: Locale) {
  return {
    today: programmeToday(),
    placement: getFellowPlacement(fellowId),
    totals: fellowTotals(fellowId),
    entries: listEntries(fellowId),
    goals: goalChoices(fellowId),
    sessions: listSessions(fellowId),
    agreements: listAgreements(fellowId),
    reviews: listPracticeReviews(fellowId, viewer),
    moduleTitles: moduleTitles(locale),
  };
}
