import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { PageTranslations, useFullCatalog, useTranslation, useTranslationStore } from "~/lib/i18n/react";
import { FlashMessage } from "~/components/FlashMessage";
import { OfflineStatus } from "~/components/OfflineStatus";
import { SiteHeader } from "~/components/SiteHeader";
import { queueCount } from "~/domain/assignments/reviews.server";
import { unreadCount } from "~/domain/notifications/notifications.server";
import { allowAnyone, getUser } from "~/lib/auth.server";
import { clearFlashCookie, readFlash } from "~/lib/flash.server";
import { fetchCatalog } from "~/lib/i18n/catalogs";
import { isNetworkError } from "~/lib/offline";
import { isLocale } from "~/lib/i18n/config";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { useRequestInfo } from "~/lib/request-info";
import "./tailwind.css";

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.ico", sizes: "32x32" }];

export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  const user = getUser(request);
  const locale = resolveLocale(request, user?.locale);
  const flash = readFlash(request);
  return data(
    {
      locale,
      user: user
        ? {
            displayName: user.displayName,
            role: user.role,
            queueCount: user.role === "mentor" ? queueCount(user.id) : undefined,
            unread: unreadCount(user.id),
          }
        : null,
      flash,
    },
    flash ? { headers: { "Set-Cookie": clearFlashCookie() } } : undefined,
  );
}

export type RootData = typeof loader;

/** A submission that never reached the server changed nothing: asking the server again would only fail too. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { notSent?: boolean } | undefined)?.notSent ? false : defaultShouldRevalidate;

function useLocaleSync(locale: string) {
  const translations = useTranslationStore();
  const { i18n } = useTranslation();
  // A sign-in or profile change can switch the language during client-side navigation.
  useEffect(() => {
    if (!isLocale(locale) || i18n.language === locale) return;
    let cancelled = false;
    fetchCatalog(locale)
      .then((catalog) => {
        if (!cancelled) translations.setLanguage(locale, catalog);
      })
      .catch(() => {
        /* Offline: the next page load brings the language. */
      });
    return () => {
      cancelled = true;
    };
  }, [translations, i18n.language, locale]);
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<RootData>("root");
  const { i18n, t } = useTranslation();
  const { nonce } = useRequestInfo();
  const location = useLocation();
  const locale = rootData?.locale ?? i18n.language ?? "en";
  useLocaleSync(locale);
  useFullCatalog(fetchCatalog);
  const titleKey = useMatches()
    .map((m) => (m.handle as { titleKey?: string } | undefined)?.titleKey)
    .filter(Boolean)
    .pop();
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{titleKey ? `${t(titleKey)} · ${t("app.name")}` : t("app.name")}</title>
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("app.skipToContent")}
        </a>
        <SiteHeader
          user={rootData?.user ?? null}
          locale={locale}
          currentPath={location.pathname + location.search}
        />
        <OfflineStatus />
        {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          <FlashMessage flash={rootData?.flash ?? null} />
          {children}
        </main>
        <footer className="border-t border-slate-200 px-4 py-4 text-center text-xs text-slate-600">
          {t("app.footer")}
        </footer>
        {/* Before the scripts: Remix's module script runs async and may start before the rest of the page is parsed. */}
        <PageTranslations />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { requestId } = useRequestInfo();
  // On hydration the server's reference is read back from the page it rendered.
  const [reference] = useState(
    () =>
      requestId ??
      (typeof document !== "undefined"
        ? document.getElementById("error-reference")?.textContent
        : undefined),
  );
  if (isNetworkError(error)) {
    return (
      <ErrorSection title={t("offline.connectionLostTitle")}>
        <p className="mb-4">{t("offline.connectionLostText")}</p>
        <p className="flex flex-wrap gap-4">
          <a href={typeof window === "undefined" ? "/" : window.location.href} className="text-brand-700 underline">
            {t("offline.tryAgain")}
          </a>
          <a href="/modules" className="text-brand-700 underline">
            {t("offline.toModules")}
          </a>
        </p>
      </ErrorSection>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorSection title={t("errors.notFoundTitle")}>
        <p className="mb-4">{t("errors.notFoundText")}</p>
        <Link to="/" className="text-brand-700 underline">
          {t("errors.home")}
        </Link>
      </ErrorSection>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 429) {
    return (
      <ErrorSection title={t("errors.tooManyTitle")}>
        <Link to="/" className="text-brand-700 underline">
          {t("errors.home")}
        </Link>
      </ErrorSection>
    );
  }
  return (
    <ErrorSection title={t("errors.serverTitle")}>
      <p className="mb-2">{t("errors.serverText")}</p>
      {reference ? (
        <p className="mb-4">
          {t("errors.reference")}: <code id="error-reference">{reference}</code>
        </p>
      ) : null}
      <Link to="/" className="text-brand-700 underline">
        {t("errors.home")}
      </Link>
    </ErrorSection>
  );
}

/** An error page's frame: a section named by its heading. */
function ErrorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title" className="mb-2 text-2xl font-bold">
        {title}
      </h1>
      {children}
    </section>
  );
}
