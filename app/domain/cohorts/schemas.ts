import { z } from "zod";
import { COHORT_REGIONS, REGIONS } from "#db/enums";
import { choice, errorMessage, requiredText, type FormErrors } from "~/lib/forms";
import { COHORT_NAME_MAX, MAX_PRACTICE_HOURS, ORGANIZATION_NAME_MAX, REASON_MAX } from "./limits";

export { COHORT_NAME_MAX, MAX_PRACTICE_HOURS, ORGANIZATION_NAME_MAX, REASON_MAX };

/** A calendar day as the date input sends it (YYYY-MM-DD), and a real one. */
export function dateField() {
  return z
    .string()
    .trim()
    .min(1, errorMessage("form.required"))
    .refine((v) => isDate(v), errorMessage("form.invalidDate"));
}

export function optionalDateField() {
  return z
    .string()
    .trim()
    .refine((v) => v === "" || isDate(v), errorMessage("form.invalidDate"));
}

export function isDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function optionalText(max: number) {
  return z.string().trim().max(max, errorMessage("form.tooLong", { max }));
}

export const OrganizationSchema = z.object({
  name: requiredText(ORGANIZATION_NAME_MAX),
  municipality: requiredText(80),
  region: choice(REGIONS),
  contactName: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, errorMessage("form.tooLong", { max: 254 }))
    .refine((v) => v === "" || z.email().safeParse(v).success, errorMessage("form.invalidEmail")),
  contactPhone: optionalText(40),
});
export type OrganizationInput = z.infer<typeof OrganizationSchema>;

export const CohortSchema = z.object({
  name: requiredText(COHORT_NAME_MAX),
  region: choice(COHORT_REGIONS),
  startsOn: dateField(),
  endsOn: dateField(),
  requiredPracticeHours: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, errorMessage("form.wholeNumber", { min: 0, max: MAX_PRACTICE_HOURS }))
    .transform(Number)
    .refine((n) => n <= MAX_PRACTICE_HOURS, errorMessage("form.wholeNumber", { min: 0, max: MAX_PRACTICE_HOURS })),
});
export type CohortInput = z.infer<typeof CohortSchema>;

export function cohortDatesInOrder(data: { startsOn: string; endsOn: string }): FormErrors | null {
  return data.endsOn < data.startsOn ? { endsOn: { key: "cohorts.endsBeforeStart" } } : null;
}

export const ScheduleRowSchema = z.object({
  opensOn: dateField(),
  dueOn: optionalDateField(),
  required: z.boolean(),
});

export const PlacementSchema = z.object({
  organizationId: z.string().max(100),
  mentorId: z.string().max(100),
});

export const EnrolSchema = PlacementSchema.extend({ cohortId: requiredText(100) });

export const WithdrawSchema = z.object({ reason: requiredText(REASON_MAX) });

export const MoveSchema = z.object({ cohortId: requiredText(100) });
