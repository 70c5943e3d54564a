import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Input,
  Textarea,
} from "@fluentui/react-components";
import { useState, type ReactElement, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { Field, FormError, fieldError } from "./Field";

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  children?: ReactNode;
  /** The wording of the confirming button (e.g. "Cancel the meeting"). */
  confirm: string;
  /**
   * Asks for a reason (required), sent with the confirmation; `type: "email"` asks for an address instead
   * (an erasure confirmed by the person's address).
   */
  reason?: { label: string; field?: string; type?: "text" | "email"; optional?: boolean };
  /** Does the thing; a refusal stays in the dialog, beside the reason or at its top. */
  onConfirm: (reason: string) => Promise<unknown>;
  danger?: boolean;
}

/**
 * Asks before an action that cannot simply be undone (cancel a meeting, remove a member, withdraw an
 * invitation), with the reason when one is needed. Fluent UI's Dialog: focus is trapped and returns to the
 * button, Escape closes.
 */
export function ConfirmDialog({ trigger, title, children, confirm, reason, onConfirm, danger }: ConfirmDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reasonField = reason?.field ?? "reason";
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(text.trim());
      setOpen(false);
      setText("");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            {reason && (
              <Field label={reason.label} required={!reason.optional} error={fieldError(error, reasonField)}>
                {(p) =>
                  reason.type === "email" ? (
                    <Input {...p} type="email" value={text} onChange={(_, d) => setText(d.value)} dir="ltr" />
                  ) : (
                    <Textarea {...p} value={text} onChange={(_, d) => setText(d.value)} dir="auto" resize="vertical" />
                  )
                }
              </Field>
            )}
            <FormError error={error} fields={[reasonField]} />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("back")}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={danger ? "danger" : undefined}
              disabled={busy || (reason !== undefined && !reason.optional && text.trim() === "")}
              onClick={() => void run()}
            >
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
