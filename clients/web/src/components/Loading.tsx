import { Spinner } from "@fluentui/react-components";
import { isNetworkError } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { FormError } from "./Field";

/**
 * What a page shows before its answer is there: a spinner while it loads (or while a lost connection is tried
 * again), the refusal in words when the server said no (not found, not allowed).
 */
export function Loading({ error }: { error?: unknown }) {
  const { t } = useI18n();
  return error && !isNetworkError(error) ? <FormError error={error} /> : <Spinner label={t("loading")} />;
}
