import { useEffect, useId, useState } from "react";
import { useClientTranslations, useTranslation } from "~/lib/i18n/react";

/** A read-only field to select and copy; with JavaScript, a button copies it in one tap. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  useClientTranslations(["certificate.copied"]); // shown only after the page is interactive
  const id = useId();
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">{label}</label>
      <div className="flex flex-wrap gap-2">
        <input id={id} readOnly value={value} className="min-w-0 flex-1 rounded border border-slate-500 bg-slate-50 px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        {canCopy ? (
          <button
            type="button"
            className="rounded border border-slate-500 px-3 py-2 font-semibold hover:bg-slate-100"
            onClick={() => navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? t("certificate.copied") : t("certificate.copy")}
          </button>
        ) : null}
      </div>
      <p role="status" className="sr-only">{copied ? t("certificate.copied") : ""}</p>
    </div>
  );
}
