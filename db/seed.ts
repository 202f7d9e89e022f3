import { writeTransaction } from "./client";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "../app/domain/accounts/password.server";
import { addDays, programmeToday } from "../app/lib/dates.server";
import { storeDemoFile } from "../app/domain/assignments/files.server";
import type { DB } from "./client";
import * as schema from "./schema";
import { DEMO_MODULE_SLUGS } from "./demo-modules";

export const DEMO_PASSWORD = "fellowship-demo";

/** The sign-ins the README and the start-up message list. */
export const DEMO_SIGN_INS = [
  { email: "coordinator@demo.test", role: "coordinator" },
  { email: "mentor@demo.test", role: "mentor" },
  { email: "fellow@demo.test", role: "fellow" },
  { email: "graduate@demo.test", role: "fellow" },
] as const;

const ORGANISATIONS: Array<[string, string, schema.Region, string]> = [
  ["org-marneuli", "Marneuli Community Development Centre", "kvemo_kartli", "Marneuli"],
  ["org-bolnisi", "Bolnisi Women's Initiative", "kvemo_kartli", "Bolnisi"],
  ["org-dmanisi", "Dmanisi Youth Resource Centre", "kvemo_kartli", "Dmanisi"],
  ["org-gardabani", "Gardabani Social Support Network", "kvemo_kartli", "Gardabani"],
  ["org-tetritskaro", "Tetritskaro Rural Health Alliance", "kvemo_kartli", "Tetritskaro"],
  ["org-tsalka", "Tsalka Civic Forum", "kvemo_kartli", "Tsalka"],
  ["org-akhaltsikhe", "Akhaltsikhe Family Support Centre", "samtskhe_javakheti", "Akhaltsikhe"],
  ["org-akhalkalaki", "Akhalkalaki Community Water Initiative", "samtskhe_javakheti", "Akhalkalaki"],
  ["org-ninotsminda", "Ninotsminda Inclusion Centre", "samtskhe_javakheti", "Ninotsminda"],
  ["org-borjomi", "Borjomi Green Valley Association", "samtskhe_javakheti", "Borjomi"],
];

type Person = { id: string; email: string; name: string; role: schema.Role; locale: schema.Locale };

const STAFF: Person[] = [
  { id: "demo-coordinator", email: "coordinator@demo.test", name: "Ketevan Lomidze", role: "coordinator", locale: "en" },
  { id: "demo-mentor", email: "mentor@demo.test", name: "მარიამ გელაშვილი", role: "mentor", locale: "en" },
  { id: "demo-mentor-2", email: "mentor2@demo.test", name: "Արմեն Սարգսյան", role: "mentor", locale: "en" },
];

// Names in the scripts fellows write them in: Azerbaijani Latin, Cyrillic, Armenian, Georgian.
const FELLOWS: Array<Person & { mentorId: string; organizationId: string }> = [
  { id: "demo-fellow", email: "fellow@demo.test", name: "Günay Məmmədova", role: "fellow", locale: "en", mentorId: "demo-mentor", organizationId: "org-marneuli" },
  { id: "demo-fellow-2", email: "fellow2@demo.test", name: "Анна Петрова", role: "fellow", locale: "en", mentorId: "demo-mentor-2", organizationId: "org-akhaltsikhe" },
  { id: "demo-fellow-3", email: "fellow3@demo.test", name: "Արամ Պետրոսյան", role: "fellow", locale: "en", mentorId: "demo-mentor-2", organizationId: "org-akhalkalaki" },
  { id: "demo-fellow-4", email: "fellow4@demo.test", name: "ლევან კაპანაძე", role: "fellow", locale: "en", mentorId: "demo-mentor", organizationId: "org-bolnisi" },
  { id: "demo-fellow-5", email: "fellow5@demo.test", name: "Elvin Hüseynov", role: "fellow", locale: "en", mentorId: "demo-mentor", organizationId: "org-gardabani" },
  { id: "demo-fellow-6", email: "fellow6@demo.test", name: "Լուսինե Հակոբյան", role: "fellow", locale: "en", mentorId: "demo-mentor-2", organizationId: "org-ninotsminda" },
  { id: "demo-fellow-7", email: "fellow7@demo.test", name: "Ирина Смирнова", role: "fellow", locale: "en", mentorId: "demo-mentor-2", organizationId: "org-tsalka" },
  { id: "demo-fellow-8", email: "fellow8@demo.test", name: "თამარ ნოზაძე", role: "fellow", locale: "en", mentorId: "demo-mentor", organizationId: "org-dmanisi" },
];

export const DEMO_COHORT_ID = "demo-cohort-2026";

/**
 * The demo schedule, relative to the day the demo starts so every state
 * shows: module 1 open and already due, module 2 due within two weeks,
 * module 3 open, module 4 onwards not yet open; module 10 optional.
 */
export function demoSchedule(today = programmeToday()) {
  const slugs = DEMO_MODULE_SLUGS;
  const opens = [-60, -30, -10, 7, 28, 49, 70, 91, 112, 133];
  const due = [-3, 10, 30, 50, 70, 91, 112, 133, 154, 175];
  return slugs.map((slug, i) => ({
    slug,
    opensOn: addDays(today, opens[i]),
    dueOn: addDays(today, due[i]),
    required: i < 9,
  }));
}

export function hasDemoAccounts(db: DB) {
  return Boolean(db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, DEMO_SIGN_INS[0].email)).get());
}

export function hasUsers(db: DB) {
  return (db.select({ n: sql<number>`count(*)` }).from(schema.users).get()?.n ?? 0) > 0;
}

/** Demo data for a new installation. Fixed ids keep demo links stable between machines. */
export async function seedDemoData(db: DB) {
  const people = [...STAFF, ...FELLOWS];
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO_PASSWORD)));
  writeTransaction(db, (tx) => {
    tx.insert(schema.organizations)
      .values(ORGANISATIONS.map(([id, name, region, municipality]) => ({ id, name, region, municipality })))
      .run();
    tx.insert(schema.users)
      .values(
        people.map((p, i) => ({
          id: p.id,
          email: p.email,
          displayName: p.name,
          role: p.role,
          locale: null,
          passwordHash: hashes[i],
        })),
      )
      .run();
    tx.insert(schema.cohorts)
      .values({
        id: DEMO_COHORT_ID,
        name: "Kvemo Kartli & Samtskhe-Javakheti 2026",
        region: "both",
        startsOn: "2026-03-02",
        endsOn: "2026-12-18",
        requiredPracticeHours: 120,
      })
      .run();
    tx.insert(schema.cohortModules)
      .values(
        demoSchedule().map((m, i) => ({
          id: `demo-schedule-${i + 1}`,
          cohortId: DEMO_COHORT_ID,
          moduleSlug: m.slug,
          position: i + 1,
          opensOn: m.opensOn,
          dueOn: m.dueOn,
          required: m.required,
        })),
      )
      .run();
    tx.insert(schema.enrollments)
      .values(
        FELLOWS.map((f) => ({
          id: `enrol-${f.id}`,
          cohortId: DEMO_COHORT_ID,
          fellowId: f.id,
          organizationId: f.organizationId,
          mentorId: f.mentorId,
        })),
      )
      .run();
    // A submission waiting in mentor@demo.test's queue, so the review cycle shows.
    tx.insert(schema.submissions)
      .values({
        id: "demo-submission-1",
        fellowId: "demo-fellow",
        moduleSlug: "rights-based-social-work",
        assignmentKey: "rights-case-analysis",
        attempt: 1,
        body: DEMO_SUBMISSION,
        status: "submitted",
        mentorId: "demo-mentor",
        late: true,
        version: 2,
        updatedAt: new Date(),
        submittedAt: new Date(Date.now() - 2 * 86_400_000),
      })
      .run();
  });
  await storeDemoFile(db, "demo-file-1", "demo-submission-1", "demo-fellow", "school-entrance-notes.pdf", DEMO_PDF);
  seedDemoPractice(db);
  await seedDemoGraduate(db);
}

export const DEMO_GRADUATE_ID = "demo-graduate";
export const DEMO_GRADUATE_COHORT_ID = "demo-cohort-2025";

/**
 * graduate@demo.test, ნინო ბერიძე, finished last year's cohort: every module
 * complete, every required assignment approved, 124 approved practice hours.
 * Her certificate is issued at start-up through the real rules (they need the
 * compiled modules, which the seed does not).
 */
async function seedDemoGraduate(db: DB) {
  const slugs = demoSchedule().map((m) => m.slug);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = (offset: number) => addDays("2025-03-03", offset);
  const at = (offset: number) => new Date(Date.parse(`${day(offset)}T11:00:00Z`));
  writeTransaction(db, (tx) => {
    tx.insert(schema.users)
      .values({ id: DEMO_GRADUATE_ID, email: "graduate@demo.test", displayName: "ნინო ბერიძე", role: "fellow", locale: "ka", passwordHash })
      .run();
    tx.insert(schema.cohorts)
      .values({ id: DEMO_GRADUATE_COHORT_ID, name: "Kvemo Kartli 2025", region: "kvemo_kartli", startsOn: "2025-03-03", endsOn: "2025-12-19", requiredPracticeHours: 120 })
      .run();
    tx.insert(schema.cohortModules)
      .values(slugs.map((slug, i) => ({ id: `demo-2025-schedule-${i + 1}`, cohortId: DEMO_GRADUATE_COHORT_ID, moduleSlug: slug, position: i + 1, opensOn: day(i * 21), dueOn: day(i * 21 + 21), required: i < 9 })))
      .run();
    tx.insert(schema.enrollments)
      .values({ id: "enrol-demo-graduate", cohortId: DEMO_GRADUATE_COHORT_ID, fellowId: DEMO_GRADUATE_ID, organizationId: "org-bolnisi", mentorId: "demo-mentor-2", createdAt: at(0) })
      .run();
    tx.insert(schema.moduleCompletions)
      .values(slugs.slice(0, 9).map((slug, i) => ({ fellowId: DEMO_GRADUATE_ID, moduleSlug: slug, completedAt: at(i * 21 + 18) })))
      .run();
    tx.insert(schema.submissions)
      .values(
        slugs.slice(0, 9).map((slug, i) => ({
          id: `demo-graduate-submission-${i + 1}`,
          fellowId: DEMO_GRADUATE_ID,
          moduleSlug: slug,
          assignmentKey: "assignment",
          attempt: 1,
          body: "(Submitted and approved in the 2025 cohort.)",
          status: "approved" as const,
          mentorId: "demo-mentor-2",
          createdAt: at(i * 21 + 10),
          updatedAt: at(i * 21 + 16),
          submittedAt: at(i * 21 + 14),
        })),
      )
      .run();
    // 31 weeks of four approved hours.
    tx.insert(schema.practiceEntries)
      .values(
        Array.from({ length: 31 }, (_, w) => ({
          id: `demo-graduate-practice-${w + 1}`,
          fellowId: DEMO_GRADUATE_ID,
          date: day(w * 7 + 2),
          quarters: 16,
          kind: (["direct_work", "community_work", "advocacy_partnership", "training"] as const)[w % 4],
          description: "Weekly practice at the Bolnisi Women's Initiative.",
          status: "approved" as const,
          reviewedById: "demo-mentor-2",
          reviewedAt: at(w * 7 + 4),
          createdAt: at(w * 7 + 2),
          updatedAt: at(w * 7 + 4),
        })),
      )
      .run();
  });
}

/**
 * fellow@demo.test's field practice: a signed learning agreement, a few weeks
 * of hours (approved, one waiting, one sent back) and a supervision session.
 */
function seedDemoPractice(db: DB) {
  const today = programmeToday();
  const at = (days: number) => new Date(Date.parse(`${addDays(today, days)}T10:00:00Z`));
  const goals = [
    {
      id: "demo-goal-1",
      title: "Assess a family's needs with them, not for them",
      activities: "Two joint home visits with my supervisor, then two led by me; a written assessment for each.",
      evidence: "Assessments my supervisor reviews; the family's own words quoted in each.",
      moduleSlug: "person-centred-practice",
    },
    {
      id: "demo-goal-2",
      title: "Work with the municipality on access to services",
      activities: "Attend the social service's monthly case meeting; prepare one referral with the family's consent.",
      evidence: "Meeting notes; the referral and its answer.",
      moduleSlug: "cso-local-authority-partnership",
    },
    {
      id: "demo-goal-3",
      title: "Run a community meeting in two languages",
      activities: "Plan and co-facilitate a meeting on school transport in Azerbaijani and Georgian.",
      evidence: "The plan, the attendance count and what participants asked for.",
      moduleSlug: "working-across-languages-and-cultures",
    },
  ];
  writeTransaction(db, (tx) => {
    tx.insert(schema.learningAgreements)
      .values({
        id: "demo-agreement-1",
        fellowId: "demo-fellow",
        version: 1,
        status: "signed",
        organizationName: "Marneuli Community Development Centre",
        hoursPerWeek: 8,
        mentorId: "demo-mentor",
        submittedAt: at(-40),
        approvedAt: at(-39),
        approvedById: "demo-mentor",
        signedAt: at(-38),
        createdAt: at(-42),
        updatedAt: at(-38),
      })
      .run();
    tx.insert(schema.agreementGoals).values(goals.map((g, i) => ({ ...g, agreementId: "demo-agreement-1", position: i + 1 }))).run();
    tx.insert(schema.supervisionSessions)
      .values({ id: "demo-supervision-1", fellowId: "demo-fellow", recordedById: "demo-mentor", date: addDays(today, -14), quarters: 6, topics: "First home visits: what went well, how to ask about income without shame.", createdAt: at(-14), updatedAt: at(-14) })
      .run();
    tx.insert(schema.supervisionActions)
      .values([
        { id: "demo-action-1", sessionId: "demo-supervision-1", position: 1, text: "Read module 2's section on strengths before the next visit", status: "done", updatedAt: at(-10) },
        { id: "demo-action-2", sessionId: "demo-supervision-1", position: 2, text: "Draft the referral letter with the family", status: "open", updatedAt: at(-14) },
      ])
      .run();
    const entry = (id: string, days: number, quarters: number, kind: schema.PracticeKind, goalId: string | null, description: string, status: schema.PracticeStatus, extra = {}) => ({
      id,
      fellowId: "demo-fellow",
      date: addDays(today, days),
      quarters,
      kind,
      goalId,
      description,
      status,
      reviewedById: status === "waiting" ? null : "demo-mentor",
      reviewedAt: status === "waiting" ? null : at(days + 2),
      createdAt: at(days),
      updatedAt: at(days),
      ...extra,
    });
    tx.insert(schema.practiceEntries)
      .values([
        entry("demo-practice-1", -35, 16, "training", null, "Induction at the centre: services, safeguarding procedure, record keeping.", "approved"),
        entry("demo-practice-2", -28, 12, "direct_work", "demo-goal-1", "Joint home visit with my supervisor; needs assessment with a family of five.", "approved"),
        entry("demo-practice-3", -21, 10, "community_work", "demo-goal-3", "Planning meeting for the school transport meeting with the village council.", "approved"),
        entry("demo-practice-4", -14, 6, "supervision", null, "First home visits: what went well, how to ask about income without shame.", "approved", { supervisionId: "demo-supervision-1" }),
        entry("demo-practice-5", -7, 8, "advocacy_partnership", "demo-goal-2", "Monthly case meeting at the municipal social service.", "approved"),
        entry("demo-practice-returned", -5, 20, "administration", null, "Office work.", "returned", { mentorComment: "Five hours of office work in one entry: please say what the work was." }),
        entry("demo-practice-waiting", -2, 12, "direct_work", "demo-goal-1", "Home visit led by me, supervisor present; assessment drafted.", "waiting"),
      ])
      .run();
  });
}

/** A one-page PDF, small and valid, attached to the demo submission. */
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

const DEMO_SUBMISSION = `## The situation

A girl of nine in a village of Marneuli municipality uses a wheelchair. Her school has steps at the entrance and no ramp, so she has stopped attending since the autumn. Her mother has asked the school twice; the answer was that there is no money this year.

## Rights at stake

Her right to education on an equal basis with other children, and to accessibility, under the UN Convention on the Rights of Persons with Disabilities, to which Georgia is a party.

## Who can act

The school director, the municipal education and social services, and the municipal council, which adopts the budget. As a first step I will help the mother write a dated request to the municipality and ask my supervisor which programme could fund a ramp.`;

