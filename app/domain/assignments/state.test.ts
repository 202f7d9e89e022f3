import { describe, expect, it } from "vitest";
import { SUBMISSION_STATUSES } from "#db/enums";
import { canStartNewAttempt, canTransition, isEditable } from "./state";

describe("the submission state machine", () => {
  it("allows exactly the transitions of the review cycle", () => {
    const allowed: string[] = [];
    for (const from of SUBMISSION_STATUSES) {
      for (const to of SUBMISSION_STATUSES) {
        for (const by of ["fellow", "mentor"] as const) {
          if (canTransition(from, to, by)) allowed.push(`${from}→${to} by ${by}`);
        }
      }
    }
    expect(allowed.sort()).toEqual(
      ["draft→submitted by fellow", "submitted→approved by mentor", "submitted→revision_requested by mentor"].sort(),
    );
  });

  it("lets a new attempt start only at the beginning or after a revision request", () => {
    expect(canStartNewAttempt(null)).toBe(true);
    expect(canStartNewAttempt("revision_requested")).toBe(true);
    expect(canStartNewAttempt("draft")).toBe(false);
    expect(canStartNewAttempt("submitted")).toBe(false);
    expect(canStartNewAttempt("approved")).toBe(false);
  });

  it("locks an attempt once submitted", () => {
    expect(isEditable("draft")).toBe(true);
    for (const s of ["submitted", "revision_requested", "approved"] as const) expect(isEditable(s)).toBe(false);
  });
});
