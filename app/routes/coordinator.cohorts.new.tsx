import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { CohortFields } from "~/components/cohorts/CohortFields";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { createCohort } from "~/domain/cohorts/cohorts.server";
import { CohortSchema, cohortDatesInOrder } from "~/domain/cohorts/schemas";
import { requireUser } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms";

export const handle = { titleKey: "cohorts.new" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const parsed = parseForm(CohortSchema, await request.formData(), { refine: cohortDatesInOrder });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const id = createCohort(parsed.data, user.id);
  // Straight on to the schedule, which starts filled in from the cohort's dates.
  return redirect(`/coordinator/cohorts/${id}/edit?created=1#schedule`);
}

export default function NewCohort() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/coordinator/cohorts" className="text-brand-700 underline">
          ← {t("cohorts.back")}
        </Link>
      </p>
      <PageTitle>{t("cohorts.new")}</PageTitle>
      <p className="mb-4 text-slate-700">{t("cohorts.newIntro")}</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" noValidate className="rounded border border-slate-200 bg-white p-4">
        <CohortFields values={actionData?.values} errors={actionData?.errors} />
        <SubmitButton>{t("cohorts.create")}</SubmitButton>
      </Form>
    </div>
  );
}
