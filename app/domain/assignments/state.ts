import type { SubmissionStatus } from "#db/enums";

/**
 * The life of one attempt. A fellow submits a draft; a mentor's released
 * review approves it or asks for a revision, after which the fellow starts a
 * new attempt (the old one stays in the history as it was).
 */
const TRANSITIONS: Record<SubmissionStatus, Partial<Record<SubmissionStatus, "fellow" | "mentor">>> = {
  draft: { submitted: "fellow" },
  submitted: { approved: "mentor", revision_requested: "mentor" },
  revision_requested: {},
  approved: {},
};

export function canTransition(from: SubmissionStatus, to: SubmissionStatus, by: "fellow" | "mentor") {
  return TRANSITIONS[from][to] === by;
}

/** A new attempt may start only after a revision request on the latest one. */
export function canStartNewAttempt(latest: SubmissionStatus | null) {
  return latest === null || latest === "revision_requested";
}

export function isEditable(status: SubmissionStatus) {
  return status === "draft";
}
