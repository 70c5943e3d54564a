import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { FormError } from "./Field";

interface FormDialogProps {
  /** The button that opens it. */
  trigger: ReactElement;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The wording of the button that sends the form (e.g. "Add the partner state"). */
  submit: string;
  onSubmit: () => void;
  busy?: boolean;
  /** The last refusal: what no field of the form names shows at its top. */
  error?: unknown;
  /** The fields the form shows refusals beside. */
  fields?: string[];
  children: ReactNode;
}

/**
 * A short form in a dialog (add a partner state, change a member's roles): Fluent UI's Dialog, so focus is
 * trapped inside and returns to the button that opened it; Escape or Cancel closes it; Enter sends it. The
 * caller closes it once the server has taken the change, so a refusal stays in view beside its field.
 */
export function FormDialog({ trigger, title, open, onOpenChange, submit, onSubmit, busy, error, fields = [], children }: FormDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_, d) => onOpenChange(d.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              <FormError error={error} fields={fields} />
              {children}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t("cancel")}</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {submit}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
