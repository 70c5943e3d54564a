import { Button, Select } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/i18n";
import { useNames } from "../../i18n/names";

/**
 * The Summary of Discussions to download, in one of the meeting's working languages: headings in that language,
 * the notes and outcomes as translated (what is not yet translated is marked), Markdown or Word.
 */
export function SummaryDownloads({ meetingId, languages }: { meetingId: string; languages: string[] }) {
  const { t, language: viewerLanguage } = useI18n();
  const names = useNames();
  const [language, setLanguage] = useState(languages.includes(viewerLanguage) ? viewerLanguage : (languages[0] ?? viewerLanguage));
  const query = `?language=${encodeURIComponent(language)}`;
  return (
    <div className="actions summary-downloads">
      {languages.length > 1 && (
        <Field label={t("summaryLanguage")}>
          {(p) => (
            <Select {...p} value={language} onChange={(_, d) => setLanguage(d.value)}>
              {languages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
            </Select>
          )}
        </Field>
      )}
      <Button as="a" href={`/meetings/${meetingId}/notes/summary.md${query}`} icon={<ArrowDownloadRegular />}>{t("exportMarkdown")}</Button>
      <Button as="a" href={`/meetings/${meetingId}/notes/summary.docx${query}`} icon={<ArrowDownloadRegular />}>{t("exportWord")}</Button>
    </div>
  );
}
