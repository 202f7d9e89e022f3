import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SelectField, SubmitButton, useFieldError } from "~/components/form";
import { listOpenCohorts } from "~/domain/cohorts/cohorts.server";
import { readImportForm } from "~/domain/cohorts/import-form.server";
import { confirmImport, previewImport, type ImportRow } from "~/domain/cohorts/import.server";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "~/domain/cohorts/limits";
import { requireUser } from "~/lib/auth.server";
import type { FieldError } from "~/lib/forms";

export const handle = { titleKey: "import.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  const cohorts = listOpenCohorts();
  const wanted = new URL(request.url).searchParams.get("cohort");
  return { cohorts, cohortId: cohorts.some((c) => c.id === wanted) ? wanted : (cohorts.at(-1)?.id ?? "") };
}

type Stage =
  | { stage: "form"; error: FieldError; text: string; cohortId: string }
  | { stage: "preview"; rows: ImportRow[]; text: string; cohortId: string }
  | { stage: "done"; rows: Array<ImportRow & { outcome: string }>; invited: number; enrolled: number; skipped: number; cohortId: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const { form, text, tooLarge } = await readImportForm(request);
  const requested = String(form.get("cohortId") ?? "");
  const cohortId = listOpenCohorts().some((c) => c.id === requested) ? requested : null;
  const fail = (error: FieldError) => data<Stage>({ stage: "form", error, text: tooLarge ? "" : text.slice(0, IMPORT_MAX_BYTES), cohortId: cohortId ?? "" }, { status: 400 });
  if (tooLarge) return fail({ key: "import.tooLarge", values: { kb: String(IMPORT_MAX_BYTES / 1024) } });
  if (!text.trim()) return fail({ key: "import.noFile" });
  if (form.get("intent") === "confirm") {
    const result = await confirmImport(text, cohortId, user.id);
    if (!result.ok) return fail(result.error);
    const { rows, invited, enrolled, skipped } = result.report!;
    return data<Stage>({ stage: "done", rows, invited, enrolled, skipped, cohortId: cohortId ?? "" });
  }
  const preview = previewImport(text, cohortId);
  if (!preview.ok) return fail(preview.error);
  return data<Stage>({ stage: "preview", rows: preview.rows, text, cohortId: cohortId ?? "" });
}

function RowsTable({ rows, outcome }: { rows: Array<ImportRow & { outcome?: string }>; outcome?: boolean }) {
  const { t } = useTranslation();
  const message = useFieldError();
  return (
    <div className="mb-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm" data-testid="import-rows">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t("import.line")}</th>
            <th scope="col" className="p-2">{t("people.email")}</th>
            <th scope="col" className="p-2">{t("people.name")}</th>
            <th scope="col" className="p-2">{t("people.role")}</th>
            <th scope="col" className="p-2">{t("enrolment.organisation")}</th>
            <th scope="col" className="p-2">{t("import.mentorEmail")}</th>
            <th scope="col" className="p-2">{t("import.language")}</th>
            <th scope="col" className="p-2">{outcome ? t("import.outcome") : t("import.check")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className={`border-b border-slate-200 ${r.action ? "" : "bg-red-50"}`}>
              <td className="p-2 tabular-nums">{r.line}</td>
              <td className="p-2 break-all">{r.email}</td>
              <td className="p-2">{r.name}</td>
              <td className="p-2">{r.role}</td>
              <td className="p-2">{r.organisation}</td>
              <td className="p-2 break-all">{r.mentorEmail}</td>
              <td className="p-2">{r.language}</td>
              <td className="p-2">
                {outcome ? (
                  t(`import.outcomes.${r.outcome}`)
                ) : r.action ? (
                  <span className="text-green-900">✓ {t(`import.actions.${r.action}`)}</span>
                ) : (
                  <ul className="font-medium text-red-900">
                    {r.problems.map((p, i) => <li key={i}>✗ {message(p)}</li>)}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ImportPeople() {
  const { t } = useTranslation();
  const message = useFieldError();
  const { cohorts, cohortId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Stage | undefined;
  const cohortOptions = [{ value: "", label: t("import.noCohort") }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))];
  const cohortName = (id: string) => cohorts.find((c) => c.id === id)?.name ?? t("import.noCohort");

  if (result?.stage === "done") {
    return (
      <div>
        <PageTitle>{t("import.title")}</PageTitle>
        <div role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          <p className="font-semibold">{t("import.doneSummary", { invited: result.invited, enrolled: result.enrolled, skipped: result.skipped })}</p>
          <p>{t("import.doneCohort", { cohort: cohortName(result.cohortId) })}</p>
        </div>
        <RowsTable rows={result.rows} outcome />
        <p className="flex flex-wrap gap-4">
          {result.cohortId ? <Link to={`/coordinator/cohorts/${result.cohortId}`} className="text-brand-700 underline">{t("import.toCohort")}</Link> : null}
          <Link to="/coordinator/people/import" className="text-brand-700 underline">{t("import.another")}</Link>
        </p>
      </div>
    );
  }

  if (result?.stage === "preview") {
    const valid = result.rows.filter((r) => r.action).length;
    return (
      <div>
        <PageTitle>{t("import.previewTitle")}</PageTitle>
        <p className="mb-2">{t("import.previewSummary", { total: result.rows.length, valid, invalid: result.rows.length - valid })}</p>
        <p className="mb-4">{t("import.doneCohort", { cohort: cohortName(result.cohortId) })}</p>
        <RowsTable rows={result.rows} />
        <Form method="post" className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="csv" value={result.text} />
          <input type="hidden" name="cohortId" value={result.cohortId} />
          {valid > 0 ? (
            <SubmitButton name="intent" value="confirm">{t("import.confirm", { count: valid })}</SubmitButton>
          ) : (
            <p className="font-medium">{t("import.nothingValid")}</p>
          )}
          <Link to="/coordinator/people/import" className="text-brand-700 underline">{t("import.startAgain")}</Link>
        </Form>
      </div>
    );
  }

  const error = result?.stage === "form" ? result.error : undefined;
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/coordinator/people" className="text-brand-700 underline">← {t("people.back")}</Link>
      </p>
      <PageTitle>{t("import.title")}</PageTitle>
      <p className="mb-2">{t("import.intro")}</p>
      {/* Focusable, so keyboard users can scroll the example on a narrow screen. */}
      <pre tabIndex={0} aria-label={t("import.example")} className="mb-2 overflow-x-auto rounded bg-slate-100 p-3 text-sm">
        email,name,role,organisation,mentor email,language{"\n"}
        nino@example.org,ნინო ბერიძე,fellow,Marneuli Community Development Centre,mentor@demo.test,ka
      </pre>
      <p className="mb-4 text-sm text-slate-700">{t("import.rules", { max: IMPORT_MAX_ROWS, kb: IMPORT_MAX_BYTES / 1024 })}</p>
      <ErrorSummary errors={error ? { _form: error } : undefined} />
      <Form method="post" encType="multipart/form-data" className="rounded border border-slate-200 bg-white p-4">
        <SelectField name="cohortId" label={t("import.cohort")} hint={t("import.cohortHint")} options={cohortOptions} defaultValue={result?.stage === "form" ? result.cohortId : (cohortId ?? "")} />
        <div className="mb-4">
          <label htmlFor="file" className="mb-1 block font-medium">{t("import.file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" className="block" aria-describedby={error ? "import-error" : undefined} />
        </div>
        <div className="mb-4">
          <label htmlFor="csv" className="mb-1 block font-medium">{t("import.paste")}</label>
          <textarea id="csv" name="csv" rows={8} defaultValue={result?.stage === "form" ? result.text : ""} className="block w-full rounded border border-slate-500 p-2 font-mono text-sm" />
        </div>
        {error ? <p id="import-error" className="mb-3 font-medium text-red-800">{message(error)}</p> : null}
        <SubmitButton name="intent" value="preview">{t("import.preview")}</SubmitButton>
      </Form>
    </div>
  );
}
