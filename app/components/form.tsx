import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useTranslation } from "~/lib/i18n/react";
import type { FieldError, FormErrors } from "~/lib/forms";

export function useFieldError() {
  const { t } = useTranslation();
  return (error: FieldError | undefined) => {
    if (!error) return undefined;
    const values: Record<string, unknown> = { ...error.values };
    if (typeof values.count === "string") values.count = Number(values.count);
    return t(error.key, values) as string;
  };
}

/** Announced at the top of a form that came back with problems; names the form-wide one if any. */
export function ErrorSummary({ errors }: { errors?: FormErrors }) {
  const { t } = useTranslation();
  const message = useFieldError();
  if (!errors || Object.keys(errors).length === 0) return null;
  const formError = errors._form;
  return (
    <div role="alert" className="mb-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
      {formError ? <p>{message(formError)}</p> : <p>{t("form.errorSummary")}</p>}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  error?: FieldError;
  hint?: ReactNode;
};

const inputClass =
  "block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

export function TextField({
  name,
  label,
  error,
  hint,
  id,
  ...rest
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const message = useFieldError();
  const fieldId = id ?? `field-${name}`;
  const described = [hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={fieldId} className="mb-1 block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={inputClass}
        {...rest}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1 text-sm font-medium text-red-800">
          {message(error)}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  options,
  id,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string; lang?: string }> }) {
  const message = useFieldError();
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={fieldId} className="mb-1 block font-medium">
        {label}
      </label>
      {hint ? <p className="mb-1 text-sm text-slate-600">{hint}</p> : null}
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className={inputClass}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1 text-sm font-medium text-red-800">
          {message(error)}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
    >
      {children}
    </button>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold text-slate-900">{children}</h1>;
}
