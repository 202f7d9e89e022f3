import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton, TextField } from "~/components/form";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/domain/accounts/limits";
import { findOpenReset, resetPassword } from "~/domain/accounts/password-reset.server";
import { NewPasswordSchema, passwordsMatch } from "~/domain/accounts/schemas";
import { allowAnyone } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms";
import { clientAddress } from "~/lib/http.server";
import { redirectSignedIn } from "~/lib/session-response.server";

export const handle = { titleKey: "reset.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  allowAnyone(request);
  return { valid: findOpenReset(params.token ?? "") !== null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  allowAnyone(request);
  const parsed = parseForm(NewPasswordSchema, await request.formData(), { refine: passwordsMatch });
  if (!parsed.ok) return data({ errors: parsed.errors, invalidLink: false }, { status: 400 });
  const result = await resetPassword(params.token ?? "", parsed.data.password, clientAddress(context));
  if (!result.ok) return data({ errors: undefined, invalidLink: true }, { status: 400 });
  return redirectSignedIn(request, "/", result.sessionToken, result.expiresAt, { key: "reset.done" });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid || actionData?.invalidLink) {
    return (
      <section className="mx-auto max-w-md">
        <PageTitle>{t("reset.title")}</PageTitle>
        <p role="alert" className="mb-4">{t("reset.invalidLink")}</p>
        <Link to="/forgot-password" className="text-brand-700 underline">
          {t("reset.askAgain")}
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t("reset.title")}</PageTitle>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate>
        <TextField
          name="password"
          type="password"
          label={t("reset.newPassword")}
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
          label={t("reset.confirmPassword")}
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          error={actionData?.errors?.confirmPassword}
        />
        <SubmitButton>{t("reset.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
