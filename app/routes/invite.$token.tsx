import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SelectField, SubmitButton, TextField } from "~/components/form";
import { acceptInvitation, findOpenInvitation } from "~/domain/accounts/invitations.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/domain/accounts/limits";
import { NAME_MAX } from "~/domain/accounts/limits";
import { AcceptInvitationSchema, passwordsMatch } from "~/domain/accounts/schemas";
import { allowAnyone } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms";
import { localeOptions } from "~/lib/locale-options";
import { redirectSignedIn } from "~/lib/session-response.server";

export const handle = { titleKey: "invite.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  allowAnyone(request);
  const invitation = findOpenInvitation(params.token ?? "");
  return {
    invitation: invitation
      ? { displayName: invitation.displayName, role: invitation.role, locale: invitation.locale ?? "en" }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  allowAnyone(request);
  const parsed = parseForm(AcceptInvitationSchema, await request.formData(), { refine: passwordsMatch });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, invalidLink: false }, { status: 400 });
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (!result.ok) return data({ errors: undefined, values: parsed.data, invalidLink: true }, { status: 400 });
  return redirectSignedIn(request, "/", result.sessionToken, result.expiresAt, {
    key: "invite.welcome",
    values: { name: parsed.data.displayName },
  });
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!invitation || actionData?.invalidLink) {
    return (
      <section className="mx-auto max-w-md">
        <PageTitle>{t("invite.title")}</PageTitle>
        <p role="alert">{t("invite.invalidLink")}</p>
      </section>
    );
  }
  const values = actionData?.values;
  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t("invite.title")}</PageTitle>
      <p className="mb-4">{t("invite.intro", { role: t(`roles.${invitation.role}`) })}</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate>
        <TextField
          name="displayName"
          label={t("invite.name")}
          hint={t("invite.nameHint")}
          autoComplete="name"
          required
          maxLength={NAME_MAX}
          defaultValue={values?.displayName ?? invitation.displayName}
          error={actionData?.errors?.displayName}
        />
        <SelectField
          name="locale"
          label={t("invite.language")}
          options={localeOptions(t)}
          defaultValue={values?.locale ?? invitation.locale}
          error={actionData?.errors?.locale}
        />
        <TextField
          name="password"
          type="password"
          label={t("invite.password")}
          hint={t("reset.hint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          error={actionData?.errors?.password}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t("invite.confirmPassword")}
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          error={actionData?.errors?.confirmPassword}
        />
        <SubmitButton>{t("invite.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
