import { useId, type ReactNode } from "react";
import { ApiError } from "../api/graphql";
import { useI18n } from "../i18n/i18n";

/** Which field a refused request names, with the server's message, to show next to that field. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.code === "VALIDATION" && error.field === field ? error.message : null;
}

interface FieldProps {
  label: string;
  error?: string | null;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled control with the server's validation message beside it. */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? errorId : undefined })}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {t("fieldInvalid")} <span dir="auto">{error}</span>
        </p>
      )}
    </div>
  );
}

/** An error no field owns, shown at the top of a form. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p className="form-error" role="alert">
      {t("error", { message })}
    </p>
  );
}
