import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { EntryFields } from "~/components/practice/EntryFields";
import { formatHours } from "~/components/practice/PracticeTotals";
import { deleteEntry, getEntry, goalChoices, updateEntry } from "~/domain/practice/hours.server";
import { EntrySchema } from "~/domain/practice/schemas";
import { requireUser } from "~/lib/auth.server";
import { programmeToday } from "~/lib/dates.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";

export const handle = { titleKey: "practice.editTitle" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const entry = getEntry(user.id, params.entryId ?? "") ?? notFound();
  return { entry, goals: goalChoices(user.id), today: programmeToday(), locked: entry.status === "approved" || entry.supervisionId !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const entry = getEntry(user.id, params.entryId ?? "") ?? notFound();
  const form = await request.formData();
  if (form.get("intent") === "delete") {
    if (!deleteEntry(user.id, entry.id)) return data({ errors: { _form: { key: "practice.alreadyApproved" } }, values: undefined }, { status: 409 });
    return redirectWithFlash(request, "/practice#entries", { key: "practice.deleted" });
  }
  const parsed = parseForm(EntrySchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = updateEntry(user.id, entry.id, { date: parsed.data.date, quarters: parsed.data.hours, kind: parsed.data.kind, goalId: parsed.data.goalId || null, description: parsed.data.description });
  if (!result) return data({ errors: { _form: { key: "practice.alreadyApproved" } }, values: parsed.data as unknown as Record<string, string> }, { status: 409 });
  if (!result.ok) return data({ errors: result.errors, values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])) }, { status: 400 });
  return redirectWithFlash(request, "/practice#entries", { key: "practice.saved" });
}

export default function EditEntry() {
  const { t } = useTranslation();
  const { entry, goals, today, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/practice" className="text-brand-700 underline">← {t("practice.back")}</Link>
      </p>
      <PageTitle>{t("practice.editTitle")}</PageTitle>
      {locked ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("practice.locked", { date: entry.date, hours: formatHours(entry.quarters / 4) })}</p>
      ) : (
        <>
          {entry.status === "returned" && entry.mentorComment ? (
            <p className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2">{t("practice.mentorSaid", { comment: entry.mentorComment })}</p>
          ) : null}
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post" noValidate className="mb-6 rounded border border-slate-200 bg-white p-4">
            <input type="hidden" name="intent" value="save" />
            <EntryFields
              values={actionData?.values ?? { ...entry, hours: String(entry.quarters / 4) }}
              errors={actionData?.errors}
              goals={goals}
              today={today}
            />
            <SubmitButton>{entry.status === "returned" ? t("practice.resubmit") : t("practice.save")}</SubmitButton>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="delete" className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
              {t("practice.delete")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
