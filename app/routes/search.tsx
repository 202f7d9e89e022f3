import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle, SubmitButton } from "~/components/form";
import { readableModuleSlugs } from "~/domain/content/module-list.server";
import { QUERY_MAX } from "~/domain/content/search-limits";
import { searchModules } from "~/domain/content/search.server";
import { requireUser } from "~/lib/auth.server";

export const handle = { titleKey: "search.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, QUERY_MAX);
  const hits = q.trim() ? searchModules(q, new Set(readableModuleSlugs(user))) : [];
  return { q, hits };
}

export default function Search() {
  const { t } = useTranslation();
  const { q, hits } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <PageTitle>{t("search.title")}</PageTitle>
      <Form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-2">
        <div className="flex-1">
          <label htmlFor="search-q" className="mb-1 block font-medium">
            {t("search.label")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={QUERY_MAX}
            className="block w-full rounded border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <SubmitButton>{t("search.submit")}</SubmitButton>
      </Form>
      {q.trim() ? (
        <p className="mb-3" role="status">
          {t("search.results", { count: hits.length, query: q })}
        </p>
      ) : (
        <p className="mb-3 text-slate-700">{t("search.hint")}</p>
      )}
      <ol className="space-y-3">
        {hits.map((h, i) => (
          <li key={i} className="rounded border border-slate-200 bg-white p-3" lang={h.locale}>
            <Link to={`/modules/${h.slug}${h.sectionId ? `#${h.sectionId}` : ""}`} className="font-semibold text-brand-700 underline">
              {h.moduleTitle}
              {h.sectionTitle ? ` — ${h.sectionTitle}` : ""}
            </Link>{" "}
            <span className="text-xs text-slate-600">({t(`language.names.${h.locale}`)})</span>
            {/* Escaped on the server; only <mark> is added. */}
            <p className="mt-1 text-sm" dangerouslySetInnerHTML={{ __html: h.snippet }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
