import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { OrganizationFields } from "~/components/cohorts/OrganizationFields";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { createOrganization, listOrganizations } from "~/domain/cohorts/organizations.server";
import { OrganizationSchema } from "~/domain/cohorts/schemas";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";

export const handle = { titleKey: "organisations.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return { organisations: listOrganizations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const parsed = parseForm(OrganizationSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  createOrganization(parsed.data, user.id);
  return redirectWithFlash(request, "/coordinator/organizations", { key: "organisations.created", values: { name: parsed.data.name } });
}

export default function Organisations() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageTitle>{t("organisations.title")}</PageTitle>
      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">{t("organisations.title")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">{t("organisations.name")}</th>
              <th scope="col" className="p-2">{t("organisations.municipality")}</th>
              <th scope="col" className="p-2">{t("organisations.region")}</th>
              <th scope="col" className="p-2">{t("organisations.contactName")}</th>
              <th scope="col" className="p-2 text-right">{t("organisations.fellows")}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link to={`/coordinator/organizations/${o.id}`} className="font-medium text-brand-700 underline">
                    {o.name}
                  </Link>
                </td>
                <td className="p-2">{o.municipality}</td>
                <td className="p-2">{t(`regions.${o.region}`)}</td>
                <td className="p-2">{o.contactName ?? "—"}</td>
                <td className="p-2 text-right tabular-nums">{o.activeFellows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-organisation" className="max-w-3xl rounded border border-slate-200 bg-white p-4">
        <h2 id="new-organisation" className="mb-3 text-xl font-semibold">
          {t("organisations.add")}
        </h2>
        <ErrorSummary errors={actionData?.errors} />
        <Form method="post" noValidate>
          <OrganizationFields values={actionData?.values} errors={actionData?.errors} />
          <SubmitButton>{t("organisations.create")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
