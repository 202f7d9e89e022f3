import type { Role } from "#db/schema";

export type NavItem = { to: string; labelKey: string };

/** Only pages that exist are linked; each role sees its own work. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  fellow: [{ to: "/dashboard", labelKey: "nav.dashboard" }],
  mentor: [{ to: "/mentor/fellows", labelKey: "nav.myFellows" }],
  coordinator: [
    { to: "/coordinator/people", labelKey: "nav.people" },
    { to: "/coordinator/outbox", labelKey: "nav.outbox" },
  ],
};
