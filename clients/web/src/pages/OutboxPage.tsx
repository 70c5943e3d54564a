import { Button, Spinner } from "@fluentui/react-components";
import { OutboxQuery, RetryOutboxMessage, type OutboxMessage } from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { DataTable } from "../components/DataTable";
import { FormError } from "../components/Field";
import { PageHeader } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { formatInZone, viewerZone } from "../time";
import { useViewer } from "../viewer";
import { outboxKind } from "./outbox";

/** One message, said in the viewer's words: what it is and for which meeting. */
function What({ message }: { message: OutboxMessage }) {
  const { t } = useI18n();
  const { kind, title, sequence } = outboxKind(message.description);
  const what =
    kind === "invitation" ? (sequence ?? 0) > 1 ? t("outboxUpdate") : t("outboxInvitation")
    : kind === "cancellation" ? t("outboxCancellation")
    : kind === "promoted" ? t("outboxPromoted")
    : kind === "reminder" ? t("outboxReminder")
    : kind === "calendar" ? t("outboxCalendar")
    : null;
  return (
    <span>
      {what && `${what}: `}
      <span dir="auto" data-user-content>
        {title}
      </span>
    </span>
  );
}

/**
 * The mail that waits or was given up (administrators): what it is, to whom, where it stands, what the mail
 * server said, and sending a failed message again.
 */
export function OutboxPage() {
  const { t, language } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const viewer = useViewer();
  const outbox = useGraphQuery(OutboxQuery, {}, { enabled: Boolean(viewer?.isAdministrator) });
  const retry = useGraphMutation(RetryOutboxMessage, () => notify(t("outboxRetried")));
  if (!viewer?.isAdministrator) return <p role="alert">{t("notFound")}</p>;
  const when = (instant: string | null | undefined) => (instant ? formatInZone(instant, viewerZone(), language) : "—");
  return (
    <>
      <PageHeader title={t("outbox")} meta={t("outboxExplained")} />
      <FormError error={retry.error ?? (outbox.data ? null : outbox.error)} />
      {!outbox.data ? (
        <Spinner label={t("loading")} />
      ) : (
        <DataTable
          label={t("outbox")}
          rows={outbox.data.outbox}
          rowKey={(m) => m.id}
          empty={t("outboxEmpty")}
          columns={[
            { key: "what", header: t("what"), cell: (m) => <What message={m} /> },
            { key: "to", header: t("recipient"), cell: (m) => <span dir="ltr">{m.to}</span> },
            { key: "status", header: t("status"), cell: (m) => label("OutboxStatus", m.status) },
            { key: "attempts", header: t("attempts"), cell: (m) => new Intl.NumberFormat(language).format(m.attempts) },
            { key: "created", header: t("queuedAt"), cell: (m) => when(m.createdAt) },
            { key: "next", header: t("nextAttempt"), cell: (m) => when(m.nextAttemptAt) },
            { key: "error", header: t("lastError"), cell: (m) => (m.lastError ? <span dir="auto" data-user-content>{m.lastError}</span> : "—") },
            {
              key: "actions",
              header: t("actions"),
              cell: (m) =>
                m.status === "FAILED" ? (
                  <Button size="small" disabled={retry.isPending} onClick={() => retry.mutate({ id: m.id })}>
                    {t("retry")}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </>
  );
}
