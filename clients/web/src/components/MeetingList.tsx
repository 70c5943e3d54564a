import { Badge, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { MeetingStatus, MeetingType } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { titleIn } from "../text";
import { MeetingDates } from "./MeetingDates";

/** The look of a list of things to open (meetings, what waits): one per line, its title, then its facts. */
export const useListStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: "solid",
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface MeetingSummary {
  id: string;
  titles: { language: string; text: string }[];
  type: MeetingType;
  status: MeetingStatus;
  city: string;
  hostCountry: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
}

const statusColour: Record<MeetingStatus, BadgeProps["color"]> = {
  DRAFT: "subtle",
  SCHEDULED: "brand",
  IN_PROGRESS: "success",
  CONCLUDED: "informative",
  CANCELLED: "danger",
};

/** A meeting's status in words, coloured by where it stands. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const label = useLabel();
  return (
    <Badge appearance="tint" color={statusColour[status] ?? "informative"} className="status">
      {label("MeetingStatus", status)}
    </Badge>
  );
}

/**
 * Meetings as a list: the title (a link to the meeting), its status and type in words, when it runs on its own
 * clock, and where. `actions` adds what can be done on one (answer an invitation); `empty` says what to do
 * when there are none.
 */
export function MeetingList({ meetings, empty, actions, label }: {
  meetings: MeetingSummary[];
  empty: ReactNode;
  label: string;
  actions?: (meeting: MeetingSummary) => ReactNode;
}) {
  const styles = useListStyles();
  const { language } = useI18n();
  const enumLabel = useLabel();
  const names = useNames();
  if (meetings.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className={styles.list} aria-label={label}>
      {meetings.map((m) => (
        <li key={m.id} className={styles.item}>
          <div className={styles.head}>
            <Link to={`/meetings/${m.id}`} dir="auto" className={styles.title} data-user-content>
              {titleIn(m.titles, language)}
            </Link>
            <MeetingStatusBadge status={m.status} />
          </div>
          <span className={styles.meta}>
            {enumLabel("MeetingType", m.type)} · <span dir="auto">{m.city}</span>, {names.country(m.hostCountry)}
          </span>
          <MeetingDates startsAt={m.startsAt} endsAt={m.endsAt} timeZone={m.timeZone} />
          {actions?.(m)}
        </li>
      ))}
    </ul>
  );
}
