import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";

/** Previous / next links for a long list; they keep the other search parameters (filters, sort). */
export function Pagination({ page, pages, label }: { page: number; pages: number; label: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pages <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(n));
    return `?${params}`;
  };
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={to(page - 1)} className="text-brand-700 underline">
          ← {t("overview.previous")}
        </Link>
      ) : null}
      <span>{t("overview.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)} className="text-brand-700 underline">
          {t("overview.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
