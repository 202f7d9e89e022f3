import { describe, expect, it } from "vitest";
import { InviteSchema, NewPasswordSchema, passwordsMatch } from "~/domain/accounts/schemas";
import { parseForm } from "./forms";

function form(entries: Array<[string, string | Blob]>) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("parsing a form", () => {
  it("returns what the user typed with an i18n key per problem", () => {
    const r = parseForm(InviteSchema, form([["email", "not an email"], ["displayName", "  Ирина  "], ["role", "admin"]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.values).toMatchObject({ email: "not an email", displayName: "  Ирина  " });
    expect(r.errors.email.key).toBe("form.invalidEmail");
    expect(r.errors.role.key).toBe("form.invalidChoice");
    expect(r.errors.locale.key).toBe("form.invalidChoice");
  });

  it("treats missing fields, files and repeated fields without failing", () => {
    const r = parseForm(
      InviteSchema,
      form([["email", new Blob(["x"])], ["displayName", "A"], ["displayName", "B"], ["role", "fellow"], ["locale", "ka"]]),
    );
    expect(!r.ok && r.errors.email.key).toBe("form.required");
  });

  it("names the limits in the message and never echoes passwords", () => {
    const r = parseForm(NewPasswordSchema, form([["password", "short"], ["confirmPassword", "short"]]));
    expect(!r.ok && r.errors.password).toEqual({ key: "form.passwordLength", values: { min: "10", max: "256" } });
    expect(!r.ok && r.values).toEqual({});
    const mismatch = parseForm(NewPasswordSchema, form([["password", "long enough one"], ["confirmPassword", "long enough two"]]), {
      refine: passwordsMatch,
    });
    expect(!mismatch.ok && mismatch.errors.confirmPassword.key).toBe("form.passwordMismatch");
  });

  it("rejects a name longer than the limit", () => {
    const r = parseForm(InviteSchema, form([["email", "a@b.org"], ["displayName", "ა".repeat(121)], ["role", "fellow"], ["locale", "en"]]));
    expect(!r.ok && r.errors.displayName).toEqual({ key: "form.tooLong", values: { max: "120" } });
  });
});
