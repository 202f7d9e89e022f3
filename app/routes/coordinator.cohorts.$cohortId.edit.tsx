import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { CohortFields } from "~/components/cohorts/CohortFields";
import { ScheduleEditor } from "~/components/cohorts/ScheduleEditor";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { getCohort, getSchedule, saveSchedule, setArchived, unscheduledModules, updateCohort } from "~/domain/cohorts/cohorts.server";
import { readScheduleForm, titledDraft } from "~/domain/cohorts/schedule-form.server";
import { CohortSchema, cohortDatesInOrder } from "~/domain/cohorts/schemas";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "cohorts.edit" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const cohort = getCohort(params.cohortId ?? "") ?? notFound();
  const locale = resolveLocale(request, user.locale);
  return {
    cohort,
    schedule: getSchedule(cohort.id, locale).map((r) => ({ ...r, dueOn: r.dueOn ?? "" })),
    unscheduled: unscheduledModules(cohort.id, locale),
    created: new URL(request.url).searchParams.has("created"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const cohort = getCohort(params.cohortId ?? "") ?? notFound();
  const path = `/coordinator/cohorts/${cohort.id}/edit`;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "details") {
    const parsed = parseForm(CohortSchema, form, { refine: cohortDatesInOrder });
    if (!parsed.ok) return data({ form: "details" as const, errors: parsed.errors, values: parsed.values, draft: null }, { status: 400 });
    updateCohort(cohort.id, parsed.data, user.id);
    return redirectWithFlash(request, path, { key: "cohorts.saved", values: { name: parsed.data.name } });
  }
  if (intent === "archive" || intent === "restore") {
    setArchived(cohort.id, intent === "archive", user.id);
    return redirectWithFlash(request, path, { key: intent === "archive" ? "cohorts.archivedFlash" : "cohorts.restoredFlash", values: { name: cohort.name } });
  }
  const locale = resolveLocale(request, user.locale);
  const schedule = readScheduleForm(form, cohort);
  if (schedule.errors) {
    const title = (slug: string) => moduleInLocale(getModule(slug)!, locale).version.frontmatter.title;
    return data({ form: "schedule" as const, errors: schedule.errors, values: null, draft: titledDraft(schedule.draft, title) }, { status: 400 });
  }
  saveSchedule(cohort.id, schedule.rows, user.id);
  return redirectWithFlash(request, `${path}#schedule`, { key: "cohorts.scheduleSaved" });
}

export default function EditCohort() {
  const { t } = useTranslation();
  const { cohort, schedule, unscheduled, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const detailErrors = actionData?.form === "details" ? actionData.errors : undefined;
  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link to={`/coordinator/cohorts/${cohort.id}`} className="text-brand-700 underline">
          ← {t("cohorts.backToCohort")}
        </Link>
      </p>
      <PageTitle>
        {t("cohorts.edit")}: {cohort.name}
      </PageTitle>
      {created ? (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {t("cohorts.createdHint")}
        </p>
      ) : null}
      {cohort.archivedAt ? <p className="mb-4 rounded border border-amber-600 bg-amber-50 px-3 py-2">{t("cohorts.archivedNote")}</p> : null}

      <section aria-labelledby="details-heading" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="details-heading" className="mb-3 text-xl font-semibold">
          {t("cohorts.details")}
        </h2>
        <ErrorSummary errors={detailErrors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="details" />
          <CohortFields values={actionData?.form === "details" ? actionData.values ?? undefined : cohort} errors={detailErrors} />
          <SubmitButton>{t("cohorts.save")}</SubmitButton>
        </Form>
      </section>

      <ScheduleEditor
        rows={actionData?.form === "schedule" && actionData.draft ? actionData.draft : schedule}
        unscheduled={unscheduled}
        errors={actionData?.form === "schedule" ? actionData.errors : undefined}
      />

      <section aria-labelledby="archive-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="archive-heading" className="mb-2 text-xl font-semibold">
          {cohort.archivedAt ? t("cohorts.restore") : t("cohorts.archive")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{cohort.archivedAt ? t("cohorts.restoreHint") : t("cohorts.archiveHint")}</p>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value={cohort.archivedAt ? "restore" : "archive"}
            className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100"
          >
            {cohort.archivedAt ? t("cohorts.restore") : t("cohorts.archive")}
          </button>
        </Form>
      </section>
    </div>
  );
}
