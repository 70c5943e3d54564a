import { Subtitle2, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  crumbs: { fontSize: tokens.fontSizeBase200, marginBlockEnd: tokens.spacingVerticalXS },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalL },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, flexGrow: 1 },
  title: { margin: 0, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: {
    marginBlockEnd: tokens.spacingVerticalXL,
    paddingBlockStart: tokens.spacingVerticalM,
    borderBlockStartWidth: tokens.strokeWidthThin,
    borderBlockStartStyle: "solid",
    borderBlockStartColor: tokens.colorNeutralStroke2,
  },
  sectionHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalS },
  sectionTitle: { margin: 0, flexGrow: 1 },
});

export interface Crumb {
  label: string;
  to: string;
}

/** The top of a page: where it sits (breadcrumbs), its title (the page's one h1), a line about it, its actions. */
export function PageHeader({ title, meta, actions, crumbs = [] }: { title: ReactNode; meta?: ReactNode; actions?: ReactNode; crumbs?: Crumb[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      {crumbs.length > 0 && (
        <nav aria-label={t("youAreHere")} className={styles.crumbs}>
          <ol>
            {crumbs.map((c) => (
              <li key={c.to}>
                <Link to={c.to} dir="auto">
                  {c.label}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className={styles.header}>
        <div className={styles.titles}>
          <Title2 as="h1" className={styles.title} dir="auto">
            {title}
          </Title2>
          {meta && <p className={styles.meta}>{meta}</p>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </>
  );
}

/** A part of a page with its own heading (h2) and, beside it, what can be done there. */
export function Section({ title, actions, children, id }: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  const styles = useStyles();
  const headingId = `${useId()}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId} id={id}>
      <div className={styles.sectionHead}>
        <Subtitle2 as="h2" className={styles.sectionTitle} id={headingId}>
          {title}
        </Subtitle2>
        {actions}
      </div>
      {children}
    </section>
  );
}
