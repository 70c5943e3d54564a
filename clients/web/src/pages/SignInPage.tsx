import { useState, type FormEvent } from "react";
import { request } from "../api/graphql";
import { RequestSignInLink } from "../api";
import { Field, FormError, fieldError } from "../components/Field";
import { useI18n } from "../i18n/i18n";

/** Sign-in by email link: the mailed link opens the server's /sign-in page, which brings the person back here. */
export function SignInPage({ setupRequired }: { setupRequired: boolean }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await request(RequestSignInLink, { email });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="narrow">
      <h1>{t("signIn")}</h1>
      {setupRequired && <p className="banner">{t("setupRequired")}</p>}
      <p>{t("signInIntro")}</p>
      <form onSubmit={submit}>
        <Field label={t("email")} error={fieldError(error, "email")}>
          {(props) => <input {...props} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />}
        </Field>
        {!fieldError(error, "email") && <FormError error={error} />}
        <button type="submit">{t("sendLink")}</button>
      </form>
      {sent && <p role="status">{t("linkSent")}</p>}
    </section>
  );
}
