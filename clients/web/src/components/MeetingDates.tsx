import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n";
import { formatRangeInZone, sameOffset, viewerZone, zoneName } from "../time";
import { useViewer } from "../viewer";

const useStyles = makeStyles({
  mine: { color: tokens.colorNeutralForeground3, display: "block" },
});

/**
 * When a meeting runs, as the people in the room read it: on its own clock, with its zone named in the viewer's
 * language, and the viewer's own time beside it when their clock (their profile's zone, else the browser's)
 * reads otherwise.
 */
export function MeetingDates({ startsAt, endsAt, timeZone }: { startsAt: string; endsAt: string; timeZone: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const mine = useViewer()?.person.timeZone ?? viewerZone();
  return (
    <span>
      {t("meetingTime", { time: formatRangeInZone(startsAt, endsAt, timeZone, language), zone: zoneName(timeZone, startsAt, language) })}
      {!sameOffset(startsAt, timeZone, mine) && (
        <span className={styles.mine}>{t("yourTime", { time: formatRangeInZone(startsAt, endsAt, mine, language) })}</span>
      )}
    </span>
  );
}
