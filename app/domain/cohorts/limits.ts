/** Limits and choices the coordinator's pages share with their services (safe to import in the browser). */
export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ROWS = 2000;

export const SORTS = ["name", "progress", "activity"] as const;
export type Sort = (typeof SORTS)[number];

export const INACTIVE_DAYS = 14;
export const REVISION_WAIT_DAYS = 7;

export const ORGANIZATION_NAME_MAX = 160;
export const COHORT_NAME_MAX = 120;
export const REASON_MAX = 500;
export const MAX_PRACTICE_HOURS = 2000;
