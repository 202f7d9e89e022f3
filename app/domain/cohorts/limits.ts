/** Limits and choices the coordinator's pages share with their services (safe to import in the browser). */
export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ROWS = 2000;

export const SORTS = ["name", "progress", "activity"] as const;
export type Sort = (typeof SORTS)[number];

export const INACTIVE_DAYS = 14;
export const REVISION_WAIT_DAYS = 7;
