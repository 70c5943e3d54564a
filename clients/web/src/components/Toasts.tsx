import { Link, Toast, ToastTitle, ToastTrigger, Toaster, useId, useToastController } from "@fluentui/react-components";
import { createContext, useCallback, useContext, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

const ToastContext = createContext<(text: string, intent?: "success" | "info" | "warning" | "error") => void>(() => undefined);

/**
 * Short confirmations ("Saved", "Invitations sent") announced politely to screen readers. Each goes by itself
 * after a few seconds (longer while pointed at or focused), or at once with its Close button.
 */
export function Toasts({ children }: { children: ReactNode }) {
  const toasterId = useId("toaster");
  const { t } = useI18n();
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback(
    (text: string, intent: "success" | "info" | "warning" | "error" = "success") =>
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Link>{t("close")}</Link>
              </ToastTrigger>
            }
          >
            {text}
          </ToastTitle>
        </Toast>,
        { intent, politeness: intent === "error" ? "assertive" : "polite" },
      ),
    [dispatchToast, t],
  );
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <Toaster toasterId={toasterId} position="bottom-end" />
    </ToastContext.Provider>
  );
}

/** Tells the person something went through. */
export const useNotify = () => useContext(ToastContext);
