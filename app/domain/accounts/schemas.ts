import { z } from "zod";
import { LOCALES, ROLES } from "#db/enums";
import { choice, emailField, errorMessage, requiredText, type FormErrors } from "~/lib/forms";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "./limits";

export { NAME_MAX };

export function newPasswordField() {
  const message = errorMessage("form.passwordLength", { min: PASSWORD_MIN, max: PASSWORD_MAX });
  // Not trimmed: spaces are part of a passphrase.
  return z.string().min(PASSWORD_MIN, message).max(PASSWORD_MAX, message);
}

export const LoginSchema = z.object({
  email: emailField(),
  password: z.string().min(1, errorMessage("form.required")).max(1024, errorMessage("form.tooLong", { max: 1024 })),
  redirectTo: z.string().max(2000).optional(),
});

export const ForgotPasswordSchema = z.object({ email: emailField() });

export const NewPasswordSchema = z.object({
  password: newPasswordField(),
  confirmPassword: z.string().max(PASSWORD_MAX),
});

export function passwordsMatch(data: { password: string; confirmPassword: string }): FormErrors | null {
  return data.password === data.confirmPassword
    ? null
    : { confirmPassword: { key: "form.passwordMismatch" } };
}

export const AcceptInvitationSchema = z.object({
  displayName: requiredText(NAME_MAX),
  locale: choice(LOCALES),
  password: newPasswordField(),
  confirmPassword: z.string().max(PASSWORD_MAX),
});

export const InviteSchema = z.object({
  email: emailField(),
  displayName: requiredText(NAME_MAX),
  role: choice(ROLES),
  locale: choice(LOCALES),
});

export const ProfileSchema = z.object({
  displayName: requiredText(NAME_MAX),
  locale: choice(LOCALES),
});

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, errorMessage("form.required")).max(1024),
  password: newPasswordField(),
  confirmPassword: z.string().max(PASSWORD_MAX),
});

export const ChangeRoleSchema = z.object({ role: choice(ROLES) });
