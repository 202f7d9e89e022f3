import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton, TextField } from "~/components/form";
import { requestPasswordReset } from "~/domain/accounts/password-reset.server";
import { ForgotPasswordSchema } from "~/domain/accounts/schemas";
import { allowAnyone } from "~/lib/auth.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { clientAddress } from "~/lib/http.server";

export const handle = { titleKey: "forgot.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  allowAnyone(request);
  const parsed = parseForm(ForgotPasswordSchema, await request.formData());
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const limited = await requestPasswordReset(parsed.data.email, clientAddress(context));
  if (limited) {
    const minutes = Math.ceil(limited.retryAfterMs / 60_000);
    return data(
      { sent: false, errors: { _form: { key: "forgot.throttled", values: { count: String(minutes) } } } as FormErrors, values: { email: parsed.data.email } },
      { status: 429, headers: { "Retry-After": String(Math.ceil(limited.retryAfterMs / 1000)) } },
    );
  }
  // The same answer whether or not the address has an account.
  return data({ sent: true, errors: undefined, values: { email: parsed.data.email } });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t("forgot.title")}</PageTitle>
      {actionData?.sent ? (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {t("forgot.sent")}
        </p>
      ) : (
        <>
          <p className="mb-4">{t("forgot.intro")}</p>
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post" noValidate>
            <TextField
              name="email"
              type="email"
              label={t("forgot.email")}
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={actionData?.values.email}
              error={actionData?.errors?.email}
            />
            <SubmitButton>{t("forgot.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6">
        <Link to="/login" className="text-brand-700 underline">
          {t("forgot.backToLogin")}
        </Link>
      </p>
    </section>
  );
}
