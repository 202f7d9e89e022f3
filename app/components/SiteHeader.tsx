import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import type { Role } from "#db/enums";
import { NAVIGATION } from "~/lib/navigation";
import { LanguageSwitcher } from "./LanguageSwitcher";

type Props = {
  user: { displayName: string; role: Role; queueCount?: number; unread?: number } | null;
  locale: string;
  currentPath: string;
};

export function SiteHeader({ user, locale, currentPath }: Props) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-brand-100 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="text-lg font-bold text-brand-700 no-underline">
          {t("app.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <LanguageSwitcher locale={locale} redirectTo={currentPath} />
          {user ? (
            <>
              <Link to="/notifications" className="text-slate-800 underline-offset-2 hover:underline">
                <span aria-hidden="true">🔔</span> {t("notifications.bell", { count: user.unread ?? 0 })}
              </Link>
              <Link to="/account" className="text-slate-700 underline-offset-2 hover:underline">
                <span className="sr-only">{t("app.account")}: </span>
                <span>{user.displayName}</span>
                <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">
                  {t(`roles.${user.role}`)}
                </span>
              </Link>
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className="rounded border border-slate-400 px-2 py-1 text-slate-800 hover:bg-slate-100"
                >
                  {t("app.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="font-medium text-brand-700 underline">
              {t("app.signIn")}
            </Link>
          )}
        </div>
      </div>
      {user ? (
        <nav aria-label={t("app.mainNavigation")} className="bg-brand-700">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-1 px-2">
            {NAVIGATION[user.role].map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) =>
                    `block px-3 py-2 text-sm text-white focus-visible:outline-white ${isActive ? "bg-brand-800 font-semibold underline" : "hover:bg-brand-800"}`
                  }
                >
                  {item.labelKey === "nav.reviewQueue" && user.queueCount
                    ? t("nav.reviewQueueCount", { count: user.queueCount })
                    : t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
