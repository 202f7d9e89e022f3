import type { Role } from "#db/enums";

export type NavItem = { to: string; labelKey: string };

/** Only pages that exist are linked; each role sees its own work. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  fellow: [
    { to: "/dashboard", labelKey: "nav.dashboard" },
    { to: "/modules", labelKey: "nav.modules" },
    { to: "/assignments", labelKey: "nav.assignments" },
    { to: "/practice", labelKey: "nav.practice" },
    { to: "/certificate", labelKey: "nav.certificate" },
  ],
  mentor: [
    { to: "/mentor/queue", labelKey: "nav.reviewQueue" },
    { to: "/mentor/fellows", labelKey: "nav.myFellows" },
    { to: "/mentor/practice", labelKey: "nav.fieldPractice" },
    { to: "/modules", labelKey: "nav.modules" },
  ],
  coordinator: [
    { to: "/coordinator/cohorts", labelKey: "nav.cohorts" },
    { to: "/coordinator/people", labelKey: "nav.people" },
    { to: "/coordinator/organizations", labelKey: "nav.organisations" },
    { to: "/coordinator/certificates", labelKey: "nav.certificates" },
    { to: "/modules", labelKey: "nav.modules" },
    { to: "/coordinator/outbox", labelKey: "nav.outbox" },
  ],
};
