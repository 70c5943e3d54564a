import { Button, Card, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { MailRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { RequestSignInLink } from "../api";
import { useGraphMutation } from "../api/hooks";
import { Field, FormError, fieldError } from "../components/Field";
import { PageHeader } from "../components/Page";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  narrow: { maxWidth: "28rem", marginInline: "auto", marginBlockStart: tokens.spacingVerticalXXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Sign-in by email link: the mailed link opens the server's /sign-in page, which brings the person back here. */
export function SignInPage({ setupRequired }: { setupRequired: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [email, setEmail] = useState("");
  const send = useGraphMutation(RequestSignInLink);
  return (
    <div className={styles.narrow}>
      <PageHeader title={t("signIn")} meta={t("signInIntro")} />
      {setupRequired && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("setupRequired")}</MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <form
          noValidate
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({ email });
          }}
        >
          <Field label={t("email")} required error={fieldError(send.error, "email")}>
            {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(_, d) => setEmail(d.value)} dir="ltr" />}
          </Field>
          <FormError error={send.error} fields={["email"]} />
          <Button type="submit" appearance="primary" icon={<MailRegular />} disabled={send.isPending}>
            {t("sendLink")}
          </Button>
        </form>
        {send.isSuccess && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{t("linkSent")}</MessageBarBody>
          </MessageBar>
        )}
      </Card>
    </div>
  );
}
