import { Button, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", marginBlockStart: tokens.spacingVerticalS },
  value: { flexGrow: 1, minWidth: 0, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A secret the server shows once (a calendar address, an access token): in a box to select or copy, with the
 * warning that it will not be shown again. The copy is announced.
 */
export function SecretOnce({ label, value, explanation }: { label: string; value: string; explanation: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"copied" | "copyByHand" | null>(null);
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{label}</MessageBarTitle>
        <p>{explanation}</p>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <div className={styles.row}>
          <Input ref={input} id={id} className={styles.value} readOnly value={value} dir="ltr" data-user-content onFocus={(e) => e.target.select()} />
          <Button
            icon={<CopyRegular />}
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(value);
                setCopied("copied");
              } catch {
                // No clipboard outside a secure origin: the text is selected for the person to copy.
                input.current?.select();
                setCopied("copyByHand");
              }
            }}
          >
            {t("copy")}
          </Button>
        </div>
        <p role="status">{copied ? t(copied) : ""}</p>
      </MessageBarBody>
    </MessageBar>
  );
}
