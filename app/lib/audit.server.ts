import * as schema from "#db/schema";
import { getDb } from "./db.server";

export type AuditType =
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_throttled"
  | "sign_out"
  | "invitation_created"
  | "invitation_revoked"
  | "invitation_accepted"
  | "password_reset_requested"
  | "password_reset"
  | "password_changed"
  | "account_deactivated"
  | "account_reactivated"
  | "role_changed"
  | "organization_saved"
  | "cohort_saved"
  | "cohort_archived"
  | "cohort_restored"
  | "schedule_saved"
  | "fellow_enrolled"
  | "placement_changed"
  | "fellow_withdrawn"
  | "fellow_moved"
  | "people_imported"
  | "certificate_issued"
  | "certificate_revoked"
  | "certificate_lookup";

export function recordAudit(
  type: AuditType,
  fields: {
    actorId?: string | null;
    subjectId?: string | null;
    email?: string | null;
    ip?: string | null;
    detail?: Record<string, unknown>;
    at?: Date;
  } = {},
) {
  getDb()
    .insert(schema.auditEvents)
    .values({
      type,
      actorId: fields.actorId ?? null,
      subjectId: fields.subjectId ?? null,
      email: fields.email ?? null,
      ip: fields.ip ?? null,
      detail: fields.detail ?? null,
      createdAt: fields.at ?? new Date(),
    })
    .run();
}
