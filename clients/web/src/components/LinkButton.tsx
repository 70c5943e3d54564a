import { Button, type ButtonProps } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";

/**
 * A link that looks like a button (New meeting, New dialogue): a real link for the keyboard, screen readers and
 * "open in a new tab", that moves within the app without reloading it.
 */
export function LinkButton({ to, icon, appearance, children }: { to: string; icon?: ButtonProps["icon"]; appearance?: ButtonProps["appearance"]; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button
      as="a"
      href={to}
      icon={icon}
      appearance={appearance}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Button>
  );
}
