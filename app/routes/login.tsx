import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton, TextField } from "~/components/form";
import { LoginSchema } from "~/domain/accounts/schemas";
import { signIn } from "~/domain/accounts/sign-in.server";
import { allowAnyone, getAuth, requireAnonymous } from "~/lib/auth.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { clientAddress, safeRedirectPath } from "~/lib/http.server";
import { redirectSignedIn } from "~/lib/session-response.server";

export const handle = { titleKey: "login.title" };

/** Tells a throttled client when to come back. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  allowAnyone(request);
  const form = await request.formData();
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn({
    email,
    password,
    ip: clientAddress(context),
    previousSessionId: getAuth(request)?.session.id,
  });
  const values = { email, redirectTo: redirectTo ?? "" };
  if (!result.ok) {
    const errors: FormErrors =
      result.reason === "throttled"
        ? { _form: { key: "login.throttled", values: { count: String(Math.ceil(result.retryAfterMs / 60000)) } } }
        : { _form: { key: "login.invalid" } };
    return data(
      { errors, values },
      {
        status: result.reason === "throttled" ? 429 : 400,
        headers: result.reason === "throttled" ? { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } : undefined,
      },
    );
  }
  return redirectSignedIn(request, safeRedirectPath(redirectTo, "/"), result.token, result.expiresAt);
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = actionData?.values.redirectTo || searchParams.get("redirectTo") || "";
  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t("login.title")}</PageTitle>
      <p className="mb-4">{t("login.intro")}</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          required
          maxLength={254}
          defaultValue={actionData?.values.email}
          error={actionData?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          required
          error={actionData?.errors.password}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("login.submit")}</SubmitButton>
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("login.forgot")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
