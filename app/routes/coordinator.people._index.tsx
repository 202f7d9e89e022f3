import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SelectField, SubmitButton, TextField } from "~/components/form";
import { Pagination } from "~/components/Pagination";
import { createInvitation, invitationLimitReached, listOpenInvitations, revokeInvitation } from "~/domain/accounts/invitations.server";
import { NAME_MAX } from "~/domain/accounts/limits";
import { InviteSchema } from "~/domain/accounts/schemas";
import { listPeople } from "~/domain/accounts/users.server";
import { ROLES } from "#db/enums";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { localeOptions } from "~/lib/locale-options";
import { paginate } from "~/lib/paging";

export const handle = { titleKey: "people.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  const role = (ROLES as readonly string[]).includes(search.get("role") ?? "") ? search.get("role")! : "";
  const needle = q.toLocaleLowerCase();
  const matching = listPeople().filter(
    (p) => (!role || p.role === role) && (!needle || p.displayName.toLocaleLowerCase().includes(needle) || p.email.includes(needle)),
  );
  const people = paginate(matching, search);
  return { people: people.items, total: people.total, page: people.page, pages: people.pages, q, role, invitations: listOpenInvitations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    const revoked = revokeInvitation(String(form.get("invitationId") ?? ""), user.id);
    if (!revoked) return redirectWithFlash(request, "/coordinator/people", { key: "people.noPending" });
    return redirectWithFlash(request, "/coordinator/people", { key: "people.revoked", values: { email: revoked.email } });
  }
  const parsed = parseForm(InviteSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, invited: null }, { status: 400 });
  const wait = invitationLimitReached(user.id, parsed.data.email);
  if (wait !== null) {
    const errors: FormErrors = { _form: { key: "people.tooManyInvitations", values: { count: String(Math.ceil(wait / 60_000)) } } };
    return data({ errors, values: parsed.data as Record<string, string>, invited: null }, { status: 429, headers: { "Retry-After": String(Math.ceil(wait / 1000)) } });
  }
  const result = await createInvitation(parsed.data, user.id);
  if (!result.ok) {
    return data(
      { errors: { email: { key: "people.alreadyUser" } }, values: parsed.data as Record<string, string>, invited: null },
      { status: 400 },
    );
  }
  // The link is shown once, here, so the coordinator can also pass it on by hand.
  return data({
    errors: undefined,
    values: undefined,
    invited: { email: parsed.data.email, link: result.link, expiresOn: result.expiresAt.toISOString().slice(0, 10) },
  });
}

export default function People() {
  const { t } = useTranslation();
  const { people, invitations, total, page, pages, q, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div>
      <PageTitle>{t("people.title")}</PageTitle>
      <section aria-labelledby="invite-heading" className="mb-8 rounded border border-slate-200 bg-white p-4">
        <h2 id="invite-heading" className="mb-2 text-xl font-semibold">
          {t("people.inviteTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-700">{t("people.inviteIntro")}</p>
        <p className="mb-4">
          <Link to="/coordinator/people/import" className="text-brand-700 underline">
            {t("people.importLink")}
          </Link>
        </p>
        {actionData?.invited ? (
          <div role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
            <p className="font-medium">{t("people.invited", { email: actionData.invited.email })}</p>
            <p>{t("people.inviteLink", { date: actionData.invited.expiresOn })}</p>
            <p className="break-all">
              <a href={actionData.invited.link} data-testid="invitation-link" className="underline">
                {actionData.invited.link}
              </a>
            </p>
          </div>
        ) : null}
        <ErrorSummary errors={actionData?.errors} />
        <Form method="post" noValidate className="grid gap-x-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="invite" />
          <TextField
            name="email"
            type="email"
            label={t("people.email")}
            required
            maxLength={254}
            defaultValue={values?.email}
            error={actionData?.errors?.email}
          />
          <TextField
            name="displayName"
            label={t("people.name")}
            required
            maxLength={NAME_MAX}
            defaultValue={values?.displayName}
            error={actionData?.errors?.displayName}
          />
          <SelectField
            name="role"
            label={t("people.role")}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            defaultValue={values?.role ?? "fellow"}
            error={actionData?.errors?.role}
          />
          <SelectField
            name="locale"
            label={t("people.language")}
            options={localeOptions(t)}
            defaultValue={values?.locale ?? "en"}
            error={actionData?.errors?.locale}
          />
          <div className="sm:col-span-2">
            <SubmitButton>{t("people.submitInvite")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="pending-heading" className="mb-8">
        <h2 id="pending-heading" className="mb-2 text-xl font-semibold">
          {t("people.pendingTitle")}
        </h2>
        {invitations.length === 0 ? (
          <p>{t("people.noPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <span className="font-medium">{inv.displayName}</span> · <span className="break-all">{inv.email}</span> ·{" "}
                  {t(`roles.${inv.role}`)} · {t("people.expires")}{" "}
                  <time dateTime={new Date(inv.expiresAt).toISOString()}>
                    {new Date(inv.expiresAt).toISOString().slice(0, 10)}
                  </time>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <button type="submit" className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">
                    {t("people.revoke")}
                    <span className="sr-only">: {inv.email}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2 text-xl font-semibold">
          {t("people.accountsTitle")}
        </h2>
        <Form method="get" className="mb-3 flex flex-wrap items-end gap-3" role="search">
          <div>
            <label htmlFor="people-q" className="block text-sm font-medium">{t("people.find")}</label>
            <input id="people-q" name="q" type="search" defaultValue={q} maxLength={100} className="rounded border border-slate-500 bg-white px-2 py-1" />
          </div>
          <div>
            <label htmlFor="people-role" className="block text-sm font-medium">{t("people.role")}</label>
            <select id="people-role" name="role" defaultValue={role} className="rounded border border-slate-500 bg-white px-2 py-1">
              <option value="">{t("overview.all")}</option>
              {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-500 px-3 py-1 font-semibold hover:bg-slate-100">{t("overview.apply")}</button>
        </Form>
        <p className="mb-2 text-sm text-slate-700">{t("people.found", { count: total })}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("people.name")}</th>
                <th scope="col" className="p-2">{t("people.email")}</th>
                <th scope="col" className="p-2">{t("people.role")}</th>
                <th scope="col" className="p-2">{t("people.status")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <Link to={`/coordinator/people/${p.id}`} className="font-medium text-brand-700 underline">
                      {p.displayName}
                    </Link>
                  </td>
                  <td className="p-2 break-all">{p.email}</td>
                  <td className="p-2">{t(`roles.${p.role}`)}</td>
                  <td className="p-2">{p.deactivatedAt ? t("people.deactivated") : p.invited ? t("people.invitedStatus") : t("people.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={page} pages={pages} label={t("overview.pages")} />
      </section>
    </div>
  );
}
