import { Field as FluentField, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { ApiError, type Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { format, messages, type Language, type MessageKey } from "../i18n/messages";

/**
 * The server's refusal that names this field, if the last request was refused for it (one of all it named): an
 * invalid value, or one that clashes (CONFLICT on a code already listed). FormError leaves it to the field.
 */
export function fieldError(error: unknown, field: string): Problem | null {
  if (!(error instanceof ApiError)) return null;
  return error.problems.find((p) => p.field === field) ?? null;
}

/** Whether every problem of this error belongs to a field of the form (then each shows there, not at the top). */
export function ownedBy(error: unknown, fields: string[]): boolean {
  return error instanceof ApiError && error.problems.every((p) => p.field !== undefined && fields.includes(p.field));
}

/** Server values are text; plural forms need numbers. */
function valuesOf(problem: Problem): Record<string, string | number> {
  return Object.fromEntries(Object.entries(problem.values).map(([k, v]) => [k, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]));
}

/**
 * A refusal in the user's language: its reason translated; for a reason this app does not know yet, the
 * server's own words in English and its code's general wording in French and Arabic.
 */
export function describe(error: unknown, language: Language): string {
  const problem = error instanceof ApiError ? error.problems[0] : error && typeof error === "object" && "code" in error ? (error as Problem) : null;
  if (problem) {
    const m = messages[language];
    const reason = `reason_${problem.reason}` as MessageKey;
    if (problem.reason && reason in m) return format(m[reason], valuesOf(problem), language);
    const code = `code_${problem.code}` as MessageKey;
    if (language !== "en" && code in m) return format(m[code], valuesOf(problem), language);
    return problem.message;
  }
  return error instanceof Error ? error.message : String(error);
}

interface FieldProps {
  label: string;
  error?: Problem | null;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/**
 * A labelled control with the server's refusal beside it, in the user's language (Fluent UI's Field: its
 * label, its validation message, announced to screen readers with the control).
 */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const { language } = useI18n();
  const messageId = `${id}-message`;
  return (
    <FluentField
      className="field"
      label={{ children: label, htmlFor: id }}
      required={required}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { id: messageId, role: "alert", dir: "auto", children: describe(error, language) } : undefined}
    >
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? messageId : undefined })}
    </FluentField>
  );
}

/** The refusals no field owns, shown at the top of a form: every one the server named, translated. */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { language } = useI18n();
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems.filter((p) => !p.field || !fields.includes(p.field)) : [error];
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert" className="form-error">
      <MessageBarBody>
        {problems.map((p, i) => (
          <div key={i} dir="auto">
            {describe(p, language)}
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
