import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { OrganizationFields } from "~/components/cohorts/OrganizationFields";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { getOrganization, updateOrganization } from "~/domain/cohorts/organizations.server";
import { OrganizationSchema } from "~/domain/cohorts/schemas";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";

export const handle = { titleKey: "organisations.edit" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return { organisation: getOrganization(params.organizationId ?? "") ?? notFound() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const organisation = getOrganization(params.organizationId ?? "") ?? notFound();
  const parsed = parseForm(OrganizationSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  updateOrganization(organisation.id, parsed.data, user.id);
  return redirectWithFlash(request, "/coordinator/organizations", { key: "organisations.saved", values: { name: parsed.data.name } });
}

export default function EditOrganisation() {
  const { t } = useTranslation();
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/coordinator/organizations" className="text-brand-700 underline">
          ← {t("organisations.back")}
        </Link>
      </p>
      <PageTitle>{organisation.name}</PageTitle>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate className="rounded border border-slate-200 bg-white p-4">
        <OrganizationFields values={actionData?.values ?? organisation} errors={actionData?.errors} />
        <SubmitButton>{t("organisations.save")}</SubmitButton>
      </Form>
    </div>
  );
}
