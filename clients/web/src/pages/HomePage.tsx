import { Link } from "react-router-dom";
import { DialoguesQuery } from "../api";
import { FormError } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import { useQuery } from "../useQuery";

export function HomePage() {
  const { t } = useI18n();
  const { data, error } = useQuery(DialoguesQuery, {});
  if (error) return <FormError error={error} />;
  if (!data) return <p>{t("loading")}</p>;
  return (
    <section>
      <h1>{t("dialogues")}</h1>
      {data.dialogues.length === 0 ? (
        <p>{t("noDialogues")}</p>
      ) : (
        <ul className="cards">
          {data.dialogues.map((d) => (
            <li key={d.key}>
              <Link to={`/dialogues/${d.key}`}>{d.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
