/**
 * Every route of the app and what each actor gets from it. The access test
 * walks the Remix route manifest and fails for any route missing here.
 *
 *   200     the page (or data) is served
 *   login   anonymous: redirected to /login?redirectTo=…
 *   home    redirected elsewhere in the app (e.g. signed-in users away from /login)
 *   404     not found — the same answer as for a record that does not exist
 */
export type Actor = "anonymous" | "fellow" | "otherFellow" | "mentor" | "otherMentor" | "coordinator";
export type Outcome = 200 | "login" | "home" | 404;

/** Who the actors are in the demo data: `fellow` is mentored by `mentor`; the others are not theirs. */
export const ACTORS: Record<Exclude<Actor, "anonymous">, string> = {
  fellow: "fellow@demo.test",
  otherFellow: "fellow2@demo.test",
  mentor: "mentor@demo.test",
  otherMentor: "mentor2@demo.test",
  coordinator: "coordinator@demo.test",
};

type Entry = {
  /** A concrete URL for the route, using records of the demo data. */
  path: string;
  access: Record<Actor, Outcome>;
  /** A layout: checked through the pages below it. */
  layout?: true;
};

const everyone = (o: Outcome): Record<Actor, Outcome> => ({
  anonymous: o,
  fellow: o,
  otherFellow: o,
  mentor: o,
  otherMentor: o,
  coordinator: o,
});
const signedIn = { anonymous: "login", fellow: 200, otherFellow: 200, mentor: 200, otherMentor: 200, coordinator: 200 } as const;
const fellowsOnly = { anonymous: "login", fellow: 200, otherFellow: 200, mentor: 404, otherMentor: 404, coordinator: 404 } as const;
const mentorsOnly = { anonymous: "login", fellow: 404, otherFellow: 404, mentor: 200, otherMentor: 200, coordinator: 404 } as const;
const coordinatorsOnly = { anonymous: "login", fellow: 404, otherFellow: 404, mentor: 404, otherMentor: 404, coordinator: 200 } as const;
const anonymousOnly = { anonymous: 200, fellow: "home", otherFellow: "home", mentor: "home", otherMentor: "home", coordinator: "home" } as const;

export const ROUTE_TABLE: Record<string, Entry> = {
  root: { path: "/", access: everyone(200), layout: true },
  "routes/_index": { path: "/", access: anonymousOnly },
  "routes/login": { path: "/login", access: anonymousOnly },
  "routes/logout": { path: "/logout", access: everyone("home") },
  "routes/language": { path: "/language", access: everyone("home") },
  "routes/forgot-password": { path: "/forgot-password", access: everyone(200) },
  "routes/reset-password.$token": { path: "/reset-password/not-a-real-token", access: everyone(200) },
  "routes/invite.$token": { path: "/invite/not-a-real-token", access: everyone(200) },
  "routes/account": { path: "/account", access: signedIn },
  "routes/dashboard": { path: "/dashboard", access: fellowsOnly },
  "routes/mentor.fellows": { path: "/mentor/fellows", access: mentorsOnly },
  "routes/coordinator.people._index": { path: "/coordinator/people", access: coordinatorsOnly },
  "routes/coordinator.people.$personId": { path: "/coordinator/people/demo-fellow", access: coordinatorsOnly },
  "routes/coordinator.outbox": { path: "/coordinator/outbox", access: coordinatorsOnly },
  "routes/modules._index": { path: "/modules", access: signedIn },
  // Both demo fellows' cohort schedules module 1; staff read every module.
  "routes/modules.$slug": { path: "/modules/rights-based-social-work", access: signedIn },
  "routes/modules.$slug_.body": { path: "/modules/rights-based-social-work/body", access: signedIn },
  "routes/notifications": { path: "/notifications", access: signedIn },
  "routes/journal": { path: "/journal", access: fellowsOnly },
  "routes/assignments": { path: "/assignments", access: fellowsOnly },
  "routes/modules.$slug_.assignment": { path: "/modules/rights-based-social-work/assignment", access: fellowsOnly },
  "routes/mentor.queue": { path: "/mentor/queue", access: mentorsOnly },
  // `fellow`'s submission, assigned to `mentor`: the other mentor and every fellow get 404.
  "routes/mentor.reviews.$submissionId": {
    path: "/mentor/reviews/demo-submission-1",
    access: { anonymous: "login", fellow: 404, otherFellow: 404, mentor: 200, otherMentor: 404, coordinator: 200 },
  },
  // The demo submission's PDF: its fellow, its mentor and coordinators may download it.
  "routes/submissions.$submissionId.files.$fileId": {
    path: "/submissions/demo-submission-1/files/demo-file-1",
    access: { anonymous: "login", fellow: 200, otherFellow: 404, mentor: 200, otherMentor: 404, coordinator: 200 },
  },
  "routes/coordinator.cohorts._index": { path: "/coordinator/cohorts", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.gradebook": { path: "/coordinator/cohorts/demo-cohort-2026/gradebook", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.gradebook[.csv]": {
    path: "/coordinator/cohorts/demo-cohort-2026/gradebook.csv",
    access: coordinatorsOnly,
  },
  "routes/coordinator.cohorts.new": { path: "/coordinator/cohorts/new", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId._index": { path: "/coordinator/cohorts/demo-cohort-2026", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.edit": { path: "/coordinator/cohorts/demo-cohort-2026/edit", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.report": { path: "/coordinator/cohorts/demo-cohort-2026/report", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.report[.csv]": { path: "/coordinator/cohorts/demo-cohort-2026/report.csv", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.fellows[.csv]": { path: "/coordinator/cohorts/demo-cohort-2026/fellows.csv", access: coordinatorsOnly },
  "routes/coordinator.organizations._index": { path: "/coordinator/organizations", access: coordinatorsOnly },
  "routes/coordinator.organizations.$organizationId": { path: "/coordinator/organizations/org-marneuli", access: coordinatorsOnly },
  "routes/coordinator.people.import": { path: "/coordinator/people/import", access: coordinatorsOnly },
  "routes/coordinator.cohorts.$cohortId.practice[.csv]": { path: "/coordinator/cohorts/demo-cohort-2026/practice.csv", access: coordinatorsOnly },
  "routes/practice._index": { path: "/practice", access: fellowsOnly },
  "routes/practice.agreement": { path: "/practice/agreement", access: fellowsOnly },
  "routes/practice.reviews": { path: "/practice/reviews", access: fellowsOnly },
  // `fellow`'s own entry, waiting for approval: only they may open it to change it.
  "routes/practice.entries.$entryId": {
    path: "/practice/entries/demo-practice-waiting",
    access: { anonymous: "login", fellow: 200, otherFellow: 404, mentor: 404, otherMentor: 404, coordinator: 404 },
  },
  "routes/mentor.practice": { path: "/mentor/practice", access: mentorsOnly },
  // `fellow`'s practice record: the fellow, their mentor and coordinators.
  "routes/fellows.$fellowId.practice": {
    path: "/fellows/demo-fellow/practice",
    access: { anonymous: "login", fellow: 200, otherFellow: 404, mentor: 200, otherMentor: 404, coordinator: 200 },
  },
  "routes/certificate": { path: "/certificate", access: fellowsOnly },
  "routes/coordinator.certificates": { path: "/coordinator/certificates", access: coordinatorsOnly },
  // The demo graduate's certificate (code looked up at run time): public to verify; PDF and credential for her and coordinators.
  "routes/verify.$code": { path: "/verify/{graduateCode}", access: everyone(200) },
  "routes/verify.$code_.status": { path: "/verify/{graduateCode}/status", access: everyone(200) },
  "routes/certificates.$file": {
    path: "/certificates/{graduateCode}.pdf",
    access: { anonymous: "login", fellow: 404, otherFellow: 404, mentor: 404, otherMentor: 404, coordinator: 200 },
  },
  "routes/certificates.$code_.credential": {
    path: "/certificates/{graduateCode}/credential",
    access: { anonymous: "login", fellow: 404, otherFellow: 404, mentor: 404, otherMentor: 404, coordinator: 200 },
  },
  "routes/[.well-known].jwks[.json]": { path: "/.well-known/jwks.json", access: everyone(200) },
  // The words of the service worker's own offline pages, the same for everyone.
  "routes/offline[.json]": { path: "/offline.json", access: everyone(200) },
  "routes/glossary": { path: "/glossary", access: signedIn },
  "routes/search": { path: "/search?q=water", access: signedIn },
  // `fellow`'s own progress: their mentor and coordinators may see it, nobody else.
  "routes/fellows.$fellowId.progress": {
    path: "/fellows/demo-fellow/progress",
    access: { anonymous: "login", fellow: 200, otherFellow: 404, mentor: 200, otherMentor: 404, coordinator: 200 },
  },
};
