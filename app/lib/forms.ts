import { z } from "zod";

/**
 * Form errors travel as i18n keys with their values ("form.tooLong|max=200"),
 * so the same schema serves every language.
 */
export type FieldError = { key: string; values?: Record<string, string> };
export type FormErrors = Record<string, FieldError>;

export function errorMessage(key: string, values?: Record<string, string | number>) {
  if (!values) return key;
  return [key, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)].join("|");
}

export function parseErrorMessage(message: string): FieldError {
  const [key, ...pairs] = message.split("|");
  if (!key.includes(".")) return { key: "form.invalidChoice" };
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i > 0) values[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return { key, values };
}

/** A required line of text: trimmed, not empty, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1, errorMessage("form.required"))
    .max(max, errorMessage("form.tooLong", { max }));
}

export function emailField() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .min(1, errorMessage("form.required"))
    .max(254, errorMessage("form.tooLong", { max: 254 }))
    .pipe(z.email(errorMessage("form.invalidEmail")));
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: errorMessage("form.invalidChoice") });
}

type Shape = z.ZodRawShape;

export type FormResult<S extends Shape> =
  | { ok: true; data: z.infer<z.ZodObject<S>> }
  | { ok: false; errors: FormErrors; values: Record<string, string> };

/**
 * Reads exactly the schema's fields from a form: missing fields count as
 * empty, repeated fields use the first value, files count as empty. What the
 * user typed comes back with the errors, so the form re-renders filled in.
 * Passwords are never echoed back.
 */
export function parseForm<S extends Shape>(
  schema: z.ZodObject<S>,
  formData: FormData,
  options: { refine?: (data: z.infer<z.ZodObject<S>>) => FormErrors | null } = {},
): FormResult<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = formData.get(key);
    raw[key] = typeof value === "string" ? value : "";
  }
  const values = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !/password/i.test(key)),
  );
  const result = schema.safeParse(raw);
  if (!result.success) {
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "_form");
      errors[field] ??= parseErrorMessage(issue.message);
    }
    return { ok: false, errors, values };
  }
  const extra = options.refine?.(result.data);
  if (extra && Object.keys(extra).length > 0) return { ok: false, errors: extra, values };
  return { ok: true, data: result.data };
}
