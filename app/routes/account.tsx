import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SelectField, SubmitButton, TextField } from "~/components/form";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/domain/accounts/limits";
import { NAME_MAX } from "~/domain/accounts/limits";
import { ChangePasswordSchema, ProfileSchema, passwordsMatch } from "~/domain/accounts/schemas";
import { changePassword, updateProfile } from "~/domain/accounts/users.server";
import { mailOptOuts, setMailPreferences } from "~/domain/notifications/notifications.server";
import { NOTIFICATION_KINDS } from "#db/enums";
import { requireAuth, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { localeOptions } from "~/lib/locale-options";

export const handle = { titleKey: "account.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale ?? "en",
    mailOff: mailOptOuts(user.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = requireAuth(request);
  const form = await request.formData();
  if (form.get("intent") === "mail") {
    const wanted = NOTIFICATION_KINDS.filter((k) => form.getAll("mail").includes(k));
    setMailPreferences(user.id, wanted);
    return redirectWithFlash(request, "/account", { key: "account.mailSaved" });
  }
  if (form.get("intent") === "password") {
    const parsed = parseForm(ChangePasswordSchema, form, { refine: passwordsMatch });
    if (!parsed.ok) return data({ form: "password" as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await changePassword(user.id, session.id, parsed.data);
    if (!result.ok) {
      return data(
        { form: "password" as const, errors: { currentPassword: { key: "account.currentPasswordWrong" } }, values: {} },
        { status: 400 },
      );
    }
    return redirectWithFlash(request, "/account", { key: "account.passwordChanged" });
  }
  const parsed = parseForm(ProfileSchema, form);
  if (!parsed.ok) return data({ form: "profile" as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  updateProfile(user.id, parsed.data);
  return redirectWithFlash(request, "/account", { key: "account.profileSaved" });
}

export default function Account() {
  const { t } = useTranslation();
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const profileErrors = actionData?.form === "profile" ? actionData.errors : undefined;
  const profileValues = actionData?.form === "profile" ? actionData.values : undefined;
  const passwordErrors = actionData?.form === "password" ? actionData.errors : undefined;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("account.title")}</PageTitle>
      <section aria-labelledby="profile-heading" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="profile-heading" className="mb-3 text-xl font-semibold">
          {t("account.profile")}
        </h2>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("account.email")}</dt>
          <dd>{account.email}</dd>
          <dt className="font-medium">{t("account.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
        </dl>
        <ErrorSummary errors={profileErrors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <TextField
            name="displayName"
            label={t("account.displayName")}
            hint={t("invite.nameHint")}
            required
            maxLength={NAME_MAX}
            autoComplete="name"
            defaultValue={profileValues?.displayName ?? account.displayName}
            error={profileErrors?.displayName}
          />
          <SelectField
            name="locale"
            label={t("account.language")}
            options={localeOptions(t)}
            defaultValue={profileValues?.locale ?? account.locale}
            error={profileErrors?.locale}
          />
          <SubmitButton>{t("account.saveProfile")}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="mail-heading" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="mail-heading" className="mb-3 text-xl font-semibold">
          {t("account.mailSection")}
        </h2>
        <Form method="post">
          <input type="hidden" name="intent" value="mail" />
          <fieldset>
            <legend className="mb-2 text-sm text-slate-700">{t("account.mailIntro")}</legend>
            {NOTIFICATION_KINDS.map((k) => (
              <label key={k} className="mb-1 flex items-center gap-2">
                <input type="checkbox" name="mail" value={k} defaultChecked={!account.mailOff.includes(k)} />
                {t(`notifications.mailKind.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="mt-3">
            <SubmitButton>{t("account.saveMail")}</SubmitButton>
          </div>
        </Form>
      </section>
      <section aria-labelledby="password-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="password-heading" className="mb-3 text-xl font-semibold">
          {t("account.passwordSection")}
        </h2>
        <ErrorSummary errors={passwordErrors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" defaultValue={account.email} hidden readOnly />
          <TextField
            name="currentPassword"
            type="password"
            label={t("account.currentPassword")}
            autoComplete="current-password"
            required
            error={passwordErrors?.currentPassword}
          />
          <TextField
            name="password"
            type="password"
            label={t("account.newPassword")}
            hint={t("reset.hint", { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            error={passwordErrors?.password}
          />
          <TextField
            name="confirmPassword"
            type="password"
            label={t("account.confirmPassword")}
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX}
            error={passwordErrors?.confirmPassword}
          />
          <SubmitButton>{t("account.changePassword")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
