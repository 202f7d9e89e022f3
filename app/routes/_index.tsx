import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { allowAnyone, getUser, homePathFor } from "~/lib/auth.server";

export const handle = { titleKey: "home.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  const user = getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export default function Home() {
  const { t } = useTranslation();
  return (
    <section className="max-w-2xl">
      <PageTitle>{t("home.title")}</PageTitle>
      <p className="mb-6 text-lg">{t("home.intro")}</p>
      <Link to="/login" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {t("app.signIn")}
      </Link>
    </section>
  );
}
