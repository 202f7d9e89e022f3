import { useTranslation } from "~/lib/i18n/react";

export function FlashMessage({ flash }: { flash: { key: string; values?: Record<string, string> } | null }) {
  const { t } = useTranslation();
  if (!flash) return null;
  // A value written as "t:roles.mentor" is itself a catalog key, shown in the reader's language.
  const values: Record<string, string | number> = Object.fromEntries(
    Object.entries(flash.values ?? {}).map(([k, v]) => [k, v.startsWith("t:") ? t(v.slice(2)) : v]),
  );
  // Plurals need a number to choose their form.
  if (typeof values.count === "string" && /^\d+$/.test(values.count)) values.count = Number(values.count);
  return (
    <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
      {t(flash.key, values)}
    </p>
  );
}
