import { useId, type ReactNode } from "react";
import { ApiError } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { format, messages, type Language, type MessageKey } from "../i18n/messages";

/** The refusal that names this field, if the last request was refused for it. */
export function fieldError(error: unknown, field: string): ApiError | null {
  return error instanceof ApiError && error.code === "VALIDATION" && error.field === field ? error : null;
}

/** Whether some field of a form owns this error (then it shows there, not at the top). */
export function ownedBy(error: unknown, fields: string[]): boolean {
  return error instanceof ApiError && error.field !== undefined && fields.includes(error.field);
}

/** A refusal in the user's language: the server's reason key translated, else its own (English) message. */
export function describe(error: unknown, language: Language): string {
  if (error instanceof ApiError && error.reason) {
    const key = `reason_${error.reason}` as MessageKey;
    if (key in messages[language]) return format(messages[language][key], error.values);
  }
  return error instanceof Error ? error.message : String(error);
}

interface FieldProps {
  label: string;
  error?: ApiError | null;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled control with the server's validation message beside it, in the user's language. */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const { language } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? errorId : undefined })}
      {error && (
        <p className="field-error" id={errorId} role="alert" dir="auto">
          {describe(error, language)}
        </p>
      )}
    </div>
  );
}

/** An error no field owns, shown at the top of a form. */
export function FormError({ error }: { error: unknown }) {
  const { t, language } = useI18n();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t("error", { message: describe(error, language) })}
    </p>
  );
}
