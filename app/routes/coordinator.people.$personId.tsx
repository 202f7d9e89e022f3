import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, PageTitle, SelectField, SubmitButton } from "~/components/form";
import { ChangeRoleSchema } from "~/domain/accounts/schemas";
import { changeRole, getPerson, setDeactivated } from "~/domain/accounts/users.server";
import { ROLES } from "#db/schema";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";

export const handle = { titleKey: "people.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const person = getPerson(params.personId ?? "") ?? notFound();
  return { person, isSelf: person.id === user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const person = getPerson(params.personId ?? "") ?? notFound();
  const path = `/coordinator/people/${person.id}`;
  const form = await request.formData();
  const intent = form.get("intent");
  if (person.id === user.id) {
    const key = intent === "role" ? "people.cannotChangeOwnRole" : "people.cannotDeactivateSelf";
    return data({ errors: { _form: { key } } }, { status: 400 });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    setDeactivated(person.id, intent === "deactivate", user.id);
    return redirectWithFlash(request, path, {
      key: intent === "deactivate" ? "people.deactivatedFlash" : "people.reactivatedFlash",
      values: { name: person.displayName },
    });
  }
  const parsed = parseForm(ChangeRoleSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  changeRole(person.id, parsed.data.role, user.id);
  return redirectWithFlash(request, path, { key: "people.roleChanged", values: { name: person.displayName, role: `t:roles.${parsed.data.role}` },
  });
}

export default function Person() {
  const { t } = useTranslation();
  const { person, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-xl">
      <p className="mb-2">
        <Link to="/coordinator/people" className="text-brand-700 underline">
          ← {t("people.back")}
        </Link>
      </p>
      <PageTitle>{person.displayName}</PageTitle>
      <ErrorSummary errors={actionData?.errors} />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
        <dt className="font-medium">{t("people.email")}</dt>
        <dd className="break-all">{person.email}</dd>
        <dt className="font-medium">{t("people.role")}</dt>
        <dd>{t(`roles.${person.role}`)}</dd>
        <dt className="font-medium">{t("people.status")}</dt>
        <dd>{person.deactivatedAt ? t("people.deactivated") : t("people.active")}</dd>
        <dt className="font-medium">{t("people.createdAt")}</dt>
        <dd>{new Date(person.createdAt).toISOString().slice(0, 10)}</dd>
      </dl>
      {person.role === "fellow" ? (
        <p className="mb-6">
          <Link to={`/fellows/${person.id}/progress`} className="text-brand-700 underline">
            {t("people.viewProgress")}
          </Link>
        </p>
      ) : null}
      {isSelf ? null : (
        <>
          <section aria-labelledby="role-heading" className="mb-6 rounded border border-slate-200 bg-white p-4">
            <h2 id="role-heading" className="mb-3 text-xl font-semibold">{t("people.changeRole")}</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="role" />
              <SelectField
                name="role"
                label={t("people.role")}
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                defaultValue={person.role}
              />
              <SubmitButton>{t("people.saveRole")}</SubmitButton>
            </Form>
          </section>
          <section className="rounded border border-slate-200 bg-white p-4">
            <Form method="post">
              {person.deactivatedAt ? (
                <SubmitButton name="intent" value="reactivate">{t("people.reactivate")}</SubmitButton>
              ) : (
                <>
                  <p className="mb-3 text-sm text-slate-700">{t("people.deactivateHint")}</p>
                  <button
                    type="submit"
                    name="intent"
                    value="deactivate"
                    className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
                  >
                    {t("people.deactivate")}
                  </button>
                </>
              )}
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
