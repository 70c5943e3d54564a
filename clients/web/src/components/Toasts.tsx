import { Toast, ToastTitle, Toaster, useId, useToastController } from "@fluentui/react-components";
import { createContext, useCallback, useContext, type ReactNode } from "react";

const ToastContext = createContext<(text: string, intent?: "success" | "info" | "warning" | "error") => void>(() => undefined);

/** Short confirmations ("Saved", "Invitations sent") announced politely to screen readers. */
export function Toasts({ children }: { children: ReactNode }) {
  const toasterId = useId("toaster");
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback(
    (text: string, intent: "success" | "info" | "warning" | "error" = "success") =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, politeness: intent === "error" ? "assertive" : "polite" },
      ),
    [dispatchToast],
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
