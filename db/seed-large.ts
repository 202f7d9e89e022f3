// `npx tsx db/seed-large.ts [path]` (npm run db:seed:large): a separate database
// holding one cohort of 1,000 fellows part-way through the programme, so that
// coordinator and mentor pages can be measured at a realistic scale. The demo
// database is never touched. Activity comes from a seeded generator: two runs
// on the same day give the same rows, bar the password hash's salt.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../app/domain/accounts/password.server";
import { getModule } from "../app/domain/content/catalog.server";
import type { CompiledModule, Question } from "../app/domain/content/schema";
import { scoreAttempt, type Answers } from "../app/domain/progress/scoring";
import { programmeToday } from "../app/lib/dates.server";
import { getEnv } from "../app/lib/env.server";
import { migrateDatabase, openDatabase, writeTransaction } from "./client";
import * as schema from "./schema";
import { DEMO_PASSWORD, demoSchedule } from "./seed";

export const LARGE_COHORT_ID = "large-cohort";
export const LARGE_COORDINATOR_EMAIL = "coordinator@large.test";

const FELLOWS = 1000;
const MENTORS = 40;
const FELLOWS_PER_MENTOR = FELLOWS / MENTORS;
// The first 24 mentors work in Kvemo Kartli, the other 16 in Samtskhe-Javakheti.
const KVEMO_KARTLI_MENTORS = 24;
const SEED = 20260302;
const CHUNK = 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Asia/Tbilisi has been UTC+4 all year since 2005; activity is placed in its waking hours.
const TBILISI_OFFSET = 4 * HOUR;

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

const ORGANISATIONS: Array<Row<typeof schema.organizations>> = [
  { id: "org-marneuli", name: "Marneuli Community Development Centre", region: "kvemo_kartli", municipality: "Marneuli" },
  { id: "org-bolnisi", name: "Bolnisi Women's Initiative", region: "kvemo_kartli", municipality: "Bolnisi" },
  { id: "org-dmanisi", name: "Dmanisi Youth Resource Centre", region: "kvemo_kartli", municipality: "Dmanisi" },
  { id: "org-gardabani", name: "Gardabani Social Support Network", region: "kvemo_kartli", municipality: "Gardabani" },
  { id: "org-tetritskaro", name: "Tetritskaro Rural Health Alliance", region: "kvemo_kartli", municipality: "Tetritskaro" },
  { id: "org-tsalka", name: "Tsalka Civic Forum", region: "kvemo_kartli", municipality: "Tsalka" },
  { id: "org-akhaltsikhe", name: "Akhaltsikhe Family Support Centre", region: "samtskhe_javakheti", municipality: "Akhaltsikhe" },
  { id: "org-akhalkalaki", name: "Akhalkalaki Community Water Initiative", region: "samtskhe_javakheti", municipality: "Akhalkalaki" },
  { id: "org-ninotsminda", name: "Ninotsminda Inclusion Centre", region: "samtskhe_javakheti", municipality: "Ninotsminda" },
  { id: "org-borjomi", name: "Borjomi Green Valley Association", region: "samtskhe_javakheti", municipality: "Borjomi" },
];

type Heritage = "ka" | "hy" | "az" | "ru";
type NameList = { male: string[]; female: string[]; surnames: Array<[male: string, female: string]> };

const same = (...names: string[]): Array<[string, string]> => names.map((n) => [n, n]);
const gendered = (...pairs: string[]): Array<[string, string]> => pairs.map((p) => p.split("|") as [string, string]);

// Each in the script its speakers write it in, as fellows type their own names.
const NAMES: Record<Heritage, NameList> = {
  ka: {
    male: ["გიორგი", "დავით", "ლევან", "ნიკა", "ლაშა", "ზურაბ", "ირაკლი", "გიგა", "თორნიკე", "ალექსანდრე"],
    female: ["ნინო", "მარიამ", "თამარ", "ანა", "ეკა", "ნათია", "სალომე", "ქეთევან", "მაკა", "ლიკა"],
    surnames: same("ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "ნოზაძე", "ჯავახიშვილი", "ცინცაძე", "მელაძე", "კვარაცხელია", "ჩიქოვანი", "აბაშიძე"),
  },
  hy: {
    male: ["Արամ", "Արմեն", "Դավիթ", "Տիգրան", "Գևորգ", "Հայկ", "Սամվել", "Վահե", "Կարեն", "Նարեկ"],
    female: ["Անի", "Լուսինե", "Մարիամ", "Անահիտ", "Նարինե", "Գայանե", "Սոնա", "Արմինե", "Լիլիթ", "Հասմիկ"],
    surnames: same("Սարգսյան", "Պետրոսյան", "Հակոբյան", "Գրիգորյան", "Հովհաննիսյան", "Մկրտչյան", "Ավետիսյան", "Կարապետյան", "Խաչատրյան", "Վարդանյան", "Ղազարյան", "Մարտիրոսյան"),
  },
  az: {
    male: ["Elvin", "Rəşad", "Orxan", "Tural", "Kamran", "Elnur", "Ramil", "Vüqar", "Anar", "Murad"],
    female: ["Günay", "Aygün", "Leyla", "Nərgiz", "Səbinə", "Aysel", "Könül", "Lalə", "Nigar", "Ülviyyə"],
    surnames: gendered("Məmmədov|Məmmədova", "Hüseynov|Hüseynova", "Əliyev|Əliyeva", "Həsənov|Həsənova", "Quliyev|Quliyeva", "İsmayılov|İsmayılova", "Abbasov|Abbasova", "Rəhimov|Rəhimova", "Cəfərov|Cəfərova", "Orucov|Orucova"),
  },
  ru: {
    male: ["Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Иван", "Николай", "Павел", "Артём", "Олег"],
    female: ["Анна", "Ирина", "Елена", "Ольга", "Мария", "Наталья", "Татьяна", "Екатерина", "Светлана", "Юлия"],
    surnames: gendered("Петров|Петрова", "Смирнов|Смирнова", "Иванов|Иванова", "Кузнецов|Кузнецова", "Попов|Попова", "Соколов|Соколова", "Волков|Волкова", "Новиков|Новикова", "Морозов|Морозова", "Калмыков|Калмыкова"),
  },
};

// Roughly who lives where: Azerbaijani villages in Kvemo Kartli, Armenian ones in Javakheti.
const HERITAGE_BY_REGION: Record<"kvemo_kartli" | "samtskhe_javakheti", Array<[Heritage, number]>> = {
  kvemo_kartli: [["az", 0.45], ["ka", 0.35], ["hy", 0.1], ["ru", 0.1]],
  samtskhe_javakheti: [["hy", 0.55], ["ka", 0.35], ["ru", 0.07], ["az", 0.03]],
};

const WITHDRAWAL_REASONS = ["Moved abroad for work", "Took a full-time job", "Family reasons", "Health reasons", "Moved to Tbilisi"];

const SENTENCES = [
  "I met the family three times in {place}, twice at home and once at the community centre, and each time I asked what they wanted to change first.",
  "She explained in her own words that the distance to the clinic, not the cost of the medicine, is what keeps her from treatment.",
  "Her son translated at the first visit; for the later ones I asked a colleague who speaks the family's language so that she could speak for herself.",
  "The municipal social service knows about the case but has not visited, because the village is listed under the neighbouring administrative unit.",
  "I removed names and the village from my notes, and I checked with my supervisor that nobody could be recognised from the details I give here.",
  "The right at stake is not a favour the municipality may grant; it is a duty the state has accepted and can be asked to account for.",
  "What the family already has matters as much as what it lacks: a neighbour with a car, a grandmother who keeps the household budget, a school teacher they trust.",
  "I first thought of a food parcel, which would have helped for a week; the longer answer is the allowance they are entitled to and have never applied for.",
  "We wrote the request together, in Georgian and in the family's language, and I kept a dated copy so that the answer can be followed up.",
  "The local authority has a programme for exactly this, but the information is only on a website that nobody in the village reads.",
  "I was not sure whether to share what she told me about her health with the school, so I asked her, and she decided what could be passed on.",
  "The meeting in {place} was held in the afternoon, when most women are at work in the fields, so next time we will meet in the evening.",
  "My supervisor pointed out that I had written the plan for the family rather than with them, and I rewrote the goals in their words.",
  "Three priorities came out of the discussion: safe water for the school, a bus to the district centre twice a week, and a place for older people to meet.",
  "I used the seasonal calendar with a group of eight residents; it showed that winter is when both money and access to services are at their worst.",
  "The person I support wants to keep living at home, and the plan builds on that wish rather than on what the services find easier to provide.",
  "I do not yet know how to answer the director's argument that there is no money this year, and I will ask for supervision on it.",
  "Looking back, the most useful thing I did was to listen for longer before suggesting anything.",
  "The evidence I relied on is the municipal budget for this year, the law on social assistance and what residents told us in the meetings.",
  "A follow-up visit is planned for next month, and I agreed with the family how they can reach me before then if something changes.",
];

const REFLECTIONS = [
  "At first I wanted to solve the problem for her. Now I think my job is to make sure she can claim what is already hers, and to stay with her while she does.",
  "I noticed that in meetings I mostly hear the people who speak Georgian well. Next time I will bring someone who can interpret, and ask the quiet ones directly.",
  "The family needed a ramp, a bus and an allowance. Only one of those is charity; the other two are rights, and the municipality has the duty to act.",
  "I realised that I wrote my notes about him, not with him. I am going to read the plan back to him before I file it.",
  "This module made me uncomfortable in a useful way: I had treated people's requests as favours I could do, not as claims they are entitled to make.",
  "Hard week. I am keeping this short, but I want to remember the grandmother who said nobody had asked her opinion in thirty years.",
];

const FEEDBACK = {
  approve: [
    "A clear, respectful piece of work. The person's own view runs through it, and the action you propose is realistic. Well done.",
    "Good analysis: you connect the case to the right sources and you name who has the duty to act. Keep the habit of dating every request.",
    "Thank you, this is approved. Your plan is specific and the person's strengths are at its centre; watch the length next time.",
  ],
  revise: [
    "You describe the situation well, but the rights and their sources are only mentioned in passing. Please say which right, in which text, and who must act.",
    "The plan is written for the person rather than with them. Please add their own words and what they agreed to, then resubmit.",
    "Some details could identify the family. Please anonymise them and strengthen the section on next steps before resubmitting.",
  ],
};

const CRITERION_COMMENTS = {
  low: ["This part is missing or too brief.", "Please add evidence from your placement here.", "Not yet: see the rubric's description of Secure."],
  mid: ["Clear, but could go one step further.", "Good start; name the source you rely on.", "Mostly there; add the person's own words."],
  high: ["Excellent, exactly what this criterion asks for.", "Very well argued.", "A model answer for this part."],
};

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same stream. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + next() * (max - min);
  const int = (min: number, max: number) => Math.floor(between(min, max + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = <T>(items: Array<[T, number]>) => {
    let r = next() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  return { next, between, int, pick, chance, weighted };
}
type Random = ReturnType<typeof generator>;

function tbilisiMidnight(date: string) {
  return Date.parse(`${date}T00:00:00Z`) - TBILISI_OFFSET;
}

/** Some moment between 08:00 and 22:00 in Tbilisi on the day of `t`. */
function waking(rng: Random, t: number) {
  const midnight = Math.floor((t + TBILISI_OFFSET) / DAY) * DAY - TBILISI_OFFSET;
  return midnight + rng.between(8, 22) * HOUR;
}

/** A waking moment at least one whole day after the day of `t`. */
function laterDay(rng: Random, t: number, days: number) {
  return waking(rng, t + Math.max(1, Math.round(days)) * DAY);
}

/** A few minutes later, in the same sitting. */
function sameSitting(rng: Random, t: number) {
  return t + rng.between(4, 25) * MINUTE;
}

function clamp01(x: number) {
  return Math.min(1, Math.max(0, x));
}

function personName(rng: Random, heritage: Heritage) {
  const list = NAMES[heritage];
  const female = rng.chance(0.7); // most of the social-work workforce is women
  const [maleSurname, femaleSurname] = rng.pick(list.surnames);
  return `${rng.pick(female ? list.female : list.male)} ${female ? femaleSurname : maleSurname}`;
}

/** Right answers with probability `accuracy`, a plausible slip otherwise. */
function answerQuestions(rng: Random, questions: Question[], accuracy: number): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const expected = Array.isArray(q.answer) ? q.answer : [q.answer];
    const wrong = q.options.map((o) => o.id).filter((id) => !expected.includes(id));
    if (rng.chance(accuracy) || wrong.length === 0) answers[q.id] = [...expected];
    else if (q.type === "single") answers[q.id] = [rng.pick(wrong)];
    else if (expected.length > 1 && rng.chance(0.5)) {
      const missed = rng.pick(expected);
      answers[q.id] = expected.filter((id) => id !== missed);
    }
    else answers[q.id] = [...expected, rng.pick(wrong)];
  }
  return answers;
}

/** An answer laid out under the rubric's criteria; `share` below 1 stops part-way, as a draft does. */
function writeBody(rng: Random, mod: CompiledModule, place: string, share: number) {
  const { rubric, suggestedLength } = mod.locales.en.frontmatter.assignment;
  const length = rng.int(suggestedLength.minWords, suggestedLength.maxWords);
  const perPart = length / rubric.length;
  const parts: string[] = [];
  let total = 0;
  for (const criterion of rubric) {
    if (total >= length * share) break;
    const sentences: string[] = [];
    for (let words = 0; words < perPart && total < length * share; ) {
      const s = rng.pick(SENTENCES).replaceAll("{place}", place);
      sentences.push(s);
      const n = s.split(" ").length;
      words += n;
      total += n;
    }
    parts.push(`## ${criterion.title}\n\n${sentences.join(" ")}`);
  }
  return parts.join("\n\n");
}

type Mentor = { id: string; region: "kvemo_kartli" | "samtskhe_javakheti"; daysToReview: number };
type ScheduledModule = { slug: string; mod: CompiledModule; opensAt: number; dueOn: string; dueAt: number };

type Rows = {
  sectionProgress: Array<Row<typeof schema.sectionProgress>>;
  attempts: Array<Row<typeof schema.knowledgeCheckAttempts>>;
  completions: Array<Row<typeof schema.moduleCompletions>>;
  reflections: Array<Row<typeof schema.reflections>>;
  submissions: Array<Row<typeof schema.submissions>>;
  reviews: Array<Row<typeof schema.reviews>>;
};

type Fellow = { id: string; mentor: Mentor; place: string; pace: number; skill: number; stopsAt: number };

/**
 * One fellow's work on one open module, in the order it happens in the app:
 * reading, the journal, the knowledge check, the assignment and its reviews,
 * and the completion the first time the module's rules are met. Nothing the
 * fellow does falls after `stopsAt`; nothing the mentor does falls after `until`.
 */
function simulateModule(rng: Random, fellow: Fellow, m: ScheduledModule, until: number, rows: Rows) {
  const en = m.mod.locales.en;
  const stop = Math.min(fellow.stopsAt, until);
  // When, as a share of the time from opening to the due date, this fellow hands
  // the assignment in: early for the keen, after the due date for a few.
  const window = m.dueAt - m.opensAt;
  const share = Math.max(0.1, 0.15 + 1.1 * (1 - fellow.pace) + rng.between(-0.2, 0.3));
  const handIn = m.opensAt + window * share;
  const startReading = m.opensAt + window * share * rng.between(0, 0.25);
  const readBy = startReading + window * share * rng.between(0.15, 0.4);
  const times = en.sections
    .map(() => Math.max(m.opensAt + rng.between(5, 240) * MINUTE, waking(rng, rng.between(startReading, readBy))))
    .sort((a, b) => a - b);

  const readAt = new Map<string, number>();
  en.sections.forEach((section, i) => {
    if (times[i] > stop || rng.chance(0.03)) return; // a skipped section keeps the module just short of complete
    readAt.set(section.id, times[i]);
    rows.sectionProgress.push({ fellowId: fellow.id, moduleSlug: m.slug, sectionId: section.id, readAt: new Date(times[i]) });
  });
  const lastRead = Math.max(0, ...readAt.values());
  if (readAt.size >= 3 && rng.chance(0.2 + 0.5 * fellow.pace)) {
    const at = lastRead + rng.between(10, 90) * MINUTE;
    if (at <= stop) {
      for (const r of en.reflections) {
        rows.reflections.push({ fellowId: fellow.id, moduleSlug: m.slug, reflectionId: r.id, text: rng.pick(REFLECTIONS), updatedAt: new Date(at) });
      }
    }
  }
  if (readAt.size < en.sections.length - 1) return;

  let t = lastRead;
  let best: number | null = null;
  let passedAt: number | null = null;
  const minScore = m.mod.completion.knowledgeCheckMinScore ?? 0;
  if (en.questions.length > 0) {
    t = rng.chance(0.6) ? sameSitting(rng, lastRead) : laterDay(rng, lastRead, rng.between(1, 4));
    for (let attempt = 0; attempt < 3 && t <= stop; attempt++) {
      const scored = scoreAttempt(en.questions, answerQuestions(rng, en.questions, 0.35 + 0.55 * fellow.skill + 0.15 * attempt));
      rows.attempts.push({
        id: `large-kc-${rows.attempts.length + 1}`,
        fellowId: fellow.id,
        moduleSlug: m.slug,
        answers: Object.fromEntries(Object.entries(scored.results).map(([id, r]) => [id, r.chosen])),
        correct: scored.correct,
        total: scored.total,
        scorePercent: scored.scorePercent,
        createdAt: new Date(t),
      });
      best = Math.max(best ?? 0, scored.scorePercent);
      if (passedAt === null && scored.scorePercent >= minScore) passedAt = t;
      // Most stop once they pass; a few try again for a better score.
      if (scored.scorePercent >= minScore && (scored.scorePercent === 100 || !rng.chance(0.1))) break;
      t = rng.chance(0.5) ? sameSitting(rng, t) : laterDay(rng, t, rng.between(1, 4));
    }
  }

  const approvedAt = rng.chance(0.96) ? simulateAssignment(rng, fellow, m, t, handIn, until, rows) : null;

  const rules = m.mod.completion;
  const sectionsMet = !rules.allSectionsRead || readAt.size === en.sections.length;
  const checkMet = rules.knowledgeCheckMinScore === null || en.questions.length === 0 || (best ?? -1) >= rules.knowledgeCheckMinScore;
  const assignmentMet = !rules.assignmentApproved || approvedAt !== null;
  if (sectionsMet && checkMet && assignmentMet) {
    const completedAt = Math.max(lastRead, passedAt ?? 0, rules.assignmentApproved ? approvedAt! : 0);
    rows.completions.push({ fellowId: fellow.id, moduleSlug: m.slug, completedAt: new Date(completedAt) });
  }
}

/**
 * Attempts at the assignment, each submitted, reviewed and, when sent back,
 * followed by a new one, until one is approved, left in draft or waiting for
 * the mentor. Returns when it was approved.
 */
function simulateAssignment(rng: Random, fellow: Fellow, m: ScheduledModule, after: number, handIn: number, until: number, rows: Rows): number | null {
  const assignment = m.mod.locales.en.frontmatter.assignment;
  const stop = Math.min(fellow.stopsAt, until);
  let submitAt = Math.max(waking(rng, handIn), laterDay(rng, after, 1));
  let start = after + (submitAt - after) * rng.between(0.1, 0.7);
  for (let attempt = 1; attempt <= 3 && start <= stop; attempt++) {
    const id = `large-submission-${rows.submissions.length + 1}`;
    const saves = rng.int(0, 4);
    const base = { id, fellowId: fellow.id, moduleSlug: m.slug, assignmentKey: assignment.key, attempt, createdAt: new Date(start) };
    if (submitAt > stop) {
      rows.submissions.push({
        ...base,
        body: writeBody(rng, m.mod, fellow.place, rng.between(0.2, 0.9)),
        status: "draft",
        version: 1 + saves,
        updatedAt: new Date(rng.between(start, stop)),
      });
      return null;
    }
    const body = writeBody(rng, m.mod, fellow.place, 1);
    const late = programmeToday(new Date(submitAt)) > m.dueOn;
    const submittedVersion = 1 + saves + 2; // the save on submit, then the submit itself
    const releasedAt = laterDay(rng, submitAt, Math.min(10, fellow.mentor.daysToReview + rng.between(-1, 3)));
    if (releasedAt > until) {
      rows.submissions.push({ ...base, body, status: "submitted", mentorId: fellow.mentor.id, late, version: submittedVersion, updatedAt: new Date(submitAt), submittedAt: new Date(submitAt) });
      // Some mentors have begun a review and saved it without releasing it.
      const startedAt = submitAt + rng.between(2, 48) * HOUR;
      if (rng.chance(0.25) && startedAt < until) {
        const levels = Object.fromEntries(assignment.rubric.filter(() => rng.chance(0.6)).map((c) => [c.id, rng.pick(c.levels).points]));
        rows.reviews.push({
          id: `large-review-${rows.reviews.length + 1}`,
          submissionId: id,
          mentorId: fellow.mentor.id,
          rubric: assignment.rubric,
          passMark: assignment.passMark,
          levels,
          criterionComments: {},
          feedback: "",
          decision: null,
          version: 1,
          createdAt: new Date(startedAt),
          updatedAt: new Date(startedAt),
          releasedAt: null,
        });
      }
      return null;
    }

    const quality = clamp01(0.12 + 0.55 * fellow.skill + 0.3 * rng.next() + 0.2 * (attempt - 1));
    const levels: Record<string, number> = {};
    const comments: Record<string, string> = {};
    for (const c of assignment.rubric) {
      const top = c.levels.length - 1;
      const index = Math.min(top, Math.max(0, Math.round(quality * top + rng.between(-0.6, 0.6))));
      levels[c.id] = c.levels[index].points;
      if (rng.chance(0.4)) comments[c.id] = rng.pick(CRITERION_COMMENTS[index === 0 ? "low" : index === top ? "high" : "mid"]);
    }
    const total = Object.values(levels).reduce((sum, p) => sum + p, 0);
    const decision = total >= assignment.passMark ? "approve" : "revise";
    const draftSaves = rng.int(0, 2);
    rows.submissions.push({
      ...base,
      body,
      status: decision === "approve" ? "approved" : "revision_requested",
      mentorId: fellow.mentor.id,
      late,
      version: submittedVersion + 1,
      updatedAt: new Date(releasedAt),
      submittedAt: new Date(submitAt),
    });
    rows.reviews.push({
      id: `large-review-${rows.reviews.length + 1}`,
      submissionId: id,
      mentorId: fellow.mentor.id,
      rubric: assignment.rubric,
      passMark: assignment.passMark,
      levels,
      criterionComments: comments,
      feedback: rng.pick(FEEDBACK[decision]),
      decision,
      version: 1 + draftSaves,
      createdAt: new Date(releasedAt - (draftSaves > 0 ? rng.between(1, 20) * HOUR : rng.between(10, 50) * MINUTE)),
      updatedAt: new Date(releasedAt),
      releasedAt: new Date(releasedAt),
    });
    if (decision === "approve") return releasedAt;
    start = laterDay(rng, releasedAt, rng.between(0, 4));
    submitAt = laterDay(rng, start, rng.between(1, 6) * (1.5 - fellow.pace));
  }
  return null;
}

function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => void) {
  for (let i = 0; i < rows.length; i += CHUNK) insert(rows.slice(i, i + CHUNK));
}

const COUNTED_TABLES = [
  "organizations",
  "users",
  "cohorts",
  "cohort_modules",
  "enrollments",
  "section_progress",
  "knowledge_check_attempts",
  "reflections",
  "module_completions",
  "submissions",
  "reviews",
] as const;

/**
 * Replaces whatever is at `file` (and its -wal and -shm) with a migrated
 * database holding the large cohort. Refuses to replace the app's own database.
 */
export async function seedLargeCohort(file: string) {
  const target = path.resolve(file);
  if (target === path.resolve(getEnv().DATABASE_PATH)) {
    throw new Error(`${target} is the app's database (DATABASE_PATH); choose another path for the large cohort.`);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });

  const schedule = demoSchedule();
  const modules: ScheduledModule[] = schedule.map((s) => {
    const mod = getModule(s.slug);
    if (!mod) throw new Error(`Module ${s.slug} is not in the compiled content: run "npm run content:build".`);
    return { slug: s.slug, mod, opensAt: tbilisiMidnight(s.opensOn) + 9 * HOUR, dueOn: s.dueOn, dueAt: tbilisiMidnight(s.dueOn) + DAY };
  });
  const today = programmeToday();
  // Activity runs up to this morning, so that a second run today makes the same rows.
  const until = tbilisiMidnight(today);
  const cohortStart = tbilisiMidnight(schedule[0].opensOn);
  const open = modules.filter((_, i) => schedule[i].opensOn <= today);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = generator(SEED);
  const users: Array<Row<typeof schema.users>> = [
    {
      id: "large-coordinator",
      email: LARGE_COORDINATOR_EMAIL,
      displayName: "Ketevan Abashidze",
      role: "coordinator",
      passwordHash,
      createdAt: new Date(cohortStart - 90 * DAY),
    },
  ];
  const mentors: Mentor[] = [];
  for (let i = 1; i <= MENTORS; i++) {
    const region = i <= KVEMO_KARTLI_MENTORS ? "kvemo_kartli" : "samtskhe_javakheti";
    mentors.push({ id: `large-mentor-${i}`, region, daysToReview: rng.between(1, 7) });
    users.push({
      id: `large-mentor-${i}`,
      email: `mentor${i}@large.test`,
      displayName: personName(rng, rng.weighted(HERITAGE_BY_REGION[region])),
      role: "mentor",
      passwordHash,
      createdAt: new Date(cohortStart - rng.between(30, 60) * DAY),
    });
  }

  const enrollments: Array<Row<typeof schema.enrollments>> = [];
  const fellows: Fellow[] = [];
  for (let i = 1; i <= FELLOWS; i++) {
    const mentor = mentors[Math.floor((i - 1) / FELLOWS_PER_MENTOR)];
    const org = rng.pick(ORGANISATIONS.filter((o) => o.region === mentor.region));
    const heritage = rng.weighted(HERITAGE_BY_REGION[mentor.region]);
    const joined = cohortStart - rng.between(2, 14) * DAY;
    const withdrawn = rng.chance(0.03);
    // Besides those who withdrew, some quietly stopped: the people a coordinator looks for.
    const stopsAt = withdrawn || rng.chance(0.06) ? rng.between(cohortStart + 5 * DAY, until - 2 * DAY) : until;
    const pace = 0.1 + 0.9 * rng.next() ** 0.8;
    fellows.push({
      id: `large-fellow-${i}`,
      mentor,
      place: org.municipality,
      pace,
      skill: clamp01(0.5 * pace + 0.5 * rng.next()),
      stopsAt,
    });
    users.push({
      id: `large-fellow-${i}`,
      email: `fellow${i}@large.test`,
      displayName: personName(rng, heritage),
      role: "fellow",
      locale: rng.chance(0.6) ? heritage : null,
      passwordHash,
      createdAt: new Date(joined),
    });
    enrollments.push({
      id: `large-enrollment-${i}`,
      cohortId: LARGE_COHORT_ID,
      fellowId: `large-fellow-${i}`,
      organizationId: org.id,
      mentorId: mentor.id,
      status: withdrawn ? "withdrawn" : "active",
      // The coordinator records a withdrawal a few days after the fellow's last activity.
      endedAt: withdrawn ? new Date(Math.min(until - HOUR, laterDay(rng, stopsAt, rng.between(1, 6)))) : null,
      endReason: withdrawn ? rng.pick(WITHDRAWAL_REASONS) : null,
      createdAt: new Date(joined),
    });
  }

  const rows: Rows = { sectionProgress: [], attempts: [], completions: [], reflections: [], submissions: [], reviews: [] };
  fellows.forEach((fellow, i) => {
    // A stream per fellow, so a change in one fellow's story leaves the others as they were.
    const own = generator(SEED + 7919 * (i + 1));
    for (const m of open) simulateModule(own, fellow, m, until, rows);
  });

  const { sqlite, db } = openDatabase(target);
  try {
    migrateDatabase(db, path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations"));
    writeTransaction(db, (tx) => {
      tx.insert(schema.organizations).values(ORGANISATIONS.map((o) => ({ ...o, createdAt: new Date(cohortStart - 120 * DAY) }))).run();
      insertInChunks(users, (chunk) => tx.insert(schema.users).values(chunk).run());
      tx.insert(schema.cohorts)
        .values({
          id: LARGE_COHORT_ID,
          name: "Large test cohort",
          region: "both",
          startsOn: schedule[0].opensOn,
          endsOn: schedule[schedule.length - 1].dueOn,
          requiredPracticeHours: 120,
          createdAt: new Date(cohortStart - 30 * DAY),
        })
        .run();
      tx.insert(schema.cohortModules)
        .values(
          schedule.map((s, i) => ({
            id: `large-schedule-${i + 1}`,
            cohortId: LARGE_COHORT_ID,
            moduleSlug: s.slug,
            position: i + 1,
            opensOn: s.opensOn,
            dueOn: s.dueOn,
            required: s.required,
          })),
        )
        .run();
      insertInChunks(enrollments, (chunk) => tx.insert(schema.enrollments).values(chunk).run());
    });
    writeTransaction(db, (tx) => {
      insertInChunks(rows.sectionProgress, (chunk) => tx.insert(schema.sectionProgress).values(chunk).run());
      insertInChunks(rows.attempts, (chunk) => tx.insert(schema.knowledgeCheckAttempts).values(chunk).run());
      insertInChunks(rows.reflections, (chunk) => tx.insert(schema.reflections).values(chunk).run());
      insertInChunks(rows.completions, (chunk) => tx.insert(schema.moduleCompletions).values(chunk).run());
    });
    writeTransaction(db, (tx) => {
      insertInChunks(rows.submissions, (chunk) => tx.insert(schema.submissions).values(chunk).run());
      insertInChunks(rows.reviews, (chunk) => tx.insert(schema.reviews).values(chunk).run());
    });
    const counts = Object.fromEntries(
      COUNTED_TABLES.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
    ) as Record<(typeof COUNTED_TABLES)[number], number>;
    // Leave one self-contained file behind, easy to copy or point a server at.
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    return { file: target, counts };
  } finally {
    sqlite.close();
  }
}

const isCli = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const file = process.argv[2] ?? process.env.LARGE_DATABASE_PATH ?? "data/large.db";
  const started = performance.now();
  const { file: written, counts } = await seedLargeCohort(file);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Large cohort written to ${written} in ${seconds.toFixed(1)} s`);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(26)} ${n.toLocaleString("en")}`);
  console.log(`Sign in as ${LARGE_COORDINATOR_EMAIL} / ${DEMO_PASSWORD} (mentor1…${MENTORS}@large.test and fellow1…${FELLOWS}@large.test too).`);
  console.log(`Serve it with DATABASE_PATH=${file}.`);
}
