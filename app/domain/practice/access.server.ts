import { getActiveEnrollment } from "~/domain/progress/progress.server";

/** Whether `mentorId` is the mentor of the fellow's current enrolment: mentors act for their own fellows only. */
export function isMentorOf(mentorId: string, fellowId: string) {
  return getActiveEnrollment(fellowId)?.mentorId === mentorId;
}
