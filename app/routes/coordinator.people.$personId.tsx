import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SelectField, SubmitButton } from "~/components/form";
import { ChangeRoleSchema } from "~/domain/accounts/schemas";
import { PlacementSections } from "~/components/cohorts/PlacementSections";
import { listOpenCohorts } from "~/domain/cohorts/cohorts.server";
import {
  changePlacement,
  enrolFellow,
  enrolmentHistory,
  listActiveMentors,
  moveFellow,
  withdrawFellow,
  type EnrolmentResult,
} from "~/domain/cohorts/enrolment.server";
import { listOrganizations } from "~/domain/cohorts/organizations.server";
import { EnrolSchema, MoveSchema, PlacementSchema, WithdrawSchema } from "~/domain/cohorts/schemas";
import { changeRole, getPerson, setDeactivated } from "~/domain/accounts/users.server";
import { ROLES } from "#db/enums";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { notFound } from "~/lib/http.server";

export const handle = { titleKey: "people.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const person = getPerson(params.personId ?? "") ?? notFound();
  const placement =
    person.role === "fellow"
      ? {
          history: enrolmentHistory(person.id),
          cohorts: listOpenCohorts(),
          organisations: listOrganizations().map((o) => ({ id: o.id, name: o.name })),
          mentors: listActiveMentors(),
        }
      : null;
  return { person: { ...person, invited: Boolean(person.invited) }, isSelf: person.id === user.id, placement };
}

const PLACEMENT_INTENTS = ["enrol", "placement", "withdraw", "move"] as const;
type PlacementIntent = (typeof PLACEMENT_INTENTS)[number];

/** Enrol, change placement, withdraw or move: each answers with errors for its own form. */
async function placementAction(request: Request, intent: PlacementIntent, personId: string, form: FormData, actorId: string) {
  const path = `/coordinator/people/${personId}`;
  const fail = (errors: FormErrors, values?: Record<string, string>) => data({ form: intent, errors, values }, { status: 400 });
  const placement = (d: { organizationId: string; mentorId: string }) => ({ organizationId: d.organizationId || null, mentorId: d.mentorId || null });
  let result: EnrolmentResult;
  if (intent === "enrol") {
    const parsed = parseForm(EnrolSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    result = await enrolFellow(personId, parsed.data.cohortId, placement(parsed.data), actorId);
  } else if (intent === "placement") {
    const parsed = parseForm(PlacementSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    result = await changePlacement(personId, placement(parsed.data), actorId);
  } else if (intent === "withdraw") {
    const parsed = parseForm(WithdrawSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    result = withdrawFellow(personId, parsed.data.reason, actorId);
  } else {
    const parsed = parseForm(MoveSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    result = moveFellow(personId, parsed.data.cohortId, actorId);
  }
  if (!result.ok) return fail({ [result.field]: { key: result.key } }, Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
  return redirectWithFlash(request, path, { key: `enrolment.${intent}Done` });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const person = getPerson(params.personId ?? "") ?? notFound();
  const path = `/coordinator/people/${person.id}`;
  const form = await request.formData();
  const intent = form.get("intent");
  if ((PLACEMENT_INTENTS as readonly unknown[]).includes(intent)) {
    if (person.role !== "fellow") return data({ form: "role", errors: { _form: { key: "enrolment.notAFellow" } }, values: undefined }, { status: 400 });
    return placementAction(request, intent as PlacementIntent, person.id, form, user.id);
  }
  if (person.id === user.id) {
    const key = intent === "role" ? "people.cannotChangeOwnRole" : "people.cannotDeactivateSelf";
    return data({ form: "role", errors: { _form: { key } } as FormErrors, values: undefined }, { status: 400 });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    setDeactivated(person.id, intent === "deactivate", user.id);
    return redirectWithFlash(request, path, {
      key: intent === "deactivate" ? "people.deactivatedFlash" : "people.reactivatedFlash",
      values: { name: person.displayName },
    });
  }
  const parsed = parseForm(ChangeRoleSchema, form);
  if (!parsed.ok) return data({ form: "role", errors: parsed.errors, values: undefined }, { status: 400 });
  changeRole(person.id, parsed.data.role, user.id);
  return redirectWithFlash(request, path, { key: "people.roleChanged", values: { name: person.displayName, role: `t:roles.${parsed.data.role}` },
  });
}

export default function Person() {
  const { t } = useTranslation();
  const { person, isSelf, placement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const roleErrors = actionData?.form === "role" ? actionData.errors : undefined;
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/coordinator/people" className="text-brand-700 underline">
          ← {t("people.back")}
        </Link>
      </p>
      <PageTitle>{person.displayName}</PageTitle>
      <ErrorSummary errors={roleErrors} />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
        <dt className="font-medium">{t("people.email")}</dt>
        <dd className="break-all">{person.email}</dd>
        <dt className="font-medium">{t("people.role")}</dt>
        <dd>{t(`roles.${person.role}`)}</dd>
        <dt className="font-medium">{t("people.status")}</dt>
        <dd>{person.deactivatedAt ? t("people.deactivated") : person.invited ? t("people.invitedStatus") : t("people.active")}</dd>
        <dt className="font-medium">{t("people.createdAt")}</dt>
        <dd>{new Date(person.createdAt).toISOString().slice(0, 10)}</dd>
      </dl>
      {placement ? (
        <PlacementSections
          placement={placement}
          form={actionData?.form}
          errors={actionData?.form !== "role" ? actionData?.errors : undefined}
          values={actionData?.values}
        />
      ) : null}
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
