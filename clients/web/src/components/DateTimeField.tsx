import { DatePicker } from "@fluentui/react-datepicker-compat";
import { TimePicker } from "@fluentui/react-timepicker-compat";
import { Field as FluentField, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useRef, useState } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import type { Language } from "../i18n/messages";
import { describe } from "./Field";

/**
 * Dates and times as the meeting's own wall clock reads them: "2031-05-20" and "2031-05-20T09:30", never an
 * instant in the browser's zone (the server places them in the meeting's time zone). Fluent UI's date and
 * time pickers, with month and day names in the viewer's language; typing "2031-05-20" or "09:30" works too.
 */

const useStyles = makeStyles({
  pair: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  date: { minWidth: "11rem", flexGrow: 1 },
  time: { minWidth: "7rem", maxWidth: "9rem" },
  // The input would keep its own width and push the list's button out of the box on a phone.
  timeInput: { minWidth: 0 },
});

const pad = (n: number) => String(n).padStart(2, "0");

/** A wall date as a Date at local midnight (only its year, month and day are ever read). */
export function dateOf(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 ? date : null;
}

export const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** "09:30" from what a person types: 9:30, 09.30, 0930, 9h30. */
export function parseTime(text: string | undefined): string | null {
  const m = /^\s*(\d{1,2})\s*[:.h]?\s*(\d{2})?\s*$/.exec(text ?? "");
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? "0");
  return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;
}

function calendarStrings(language: Language, t: ReturnType<typeof useI18n>["t"]) {
  const month = (style: "long" | "short") => Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(language, { month: style }).format(new Date(2024, i, 1)));
  // 2024-01-07 is a Sunday: the pickers list days from Sunday.
  const day = (style: "long" | "short") => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(language, { weekday: style }).format(new Date(2024, 0, 7 + i)));
  return {
    months: month("long"),
    shortMonths: month("short"),
    days: day("long"),
    shortDays: day("short"),
    goToToday: t("goToToday"),
    prevMonthAriaLabel: t("previousMonth"),
    nextMonthAriaLabel: t("nextMonth"),
    prevYearAriaLabel: t("previousYear"),
    nextYearAriaLabel: t("nextYear"),
    closeButtonAriaLabel: t("close"),
  };
}

interface DateProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: Problem | null;
  required?: boolean;
}

function useDatePickerProps(label: string) {
  const { language, t } = useI18n();
  const strings = useMemo(() => calendarStrings(language, t), [language, t]);
  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
    return (d?: Date) => (d ? format.format(d) : "");
  }, [language]);
  // Fluent's own words for the pop-up are English: the calendar is named in the viewer's language.
  const popupSurface = { "aria-label": t("calendar") };
  // The calendar button names itself after an input id that Fluent's Field replaces: it is named here instead.
  const contentAfter = { "aria-label": t("openCalendar", { label }), "aria-labelledby": undefined };
  return { strings, formatDate, popupSurface, contentAfter, firstDayOfWeek: 1 as const, allowTextInput: true, parseDateFromString: (text: string) => dateOf(text.trim()) };
}

/** A wall date ("2031-05-20"). */
export function DateField({ label, value, onChange, error, required }: DateProps) {
  const { language } = useI18n();
  const picker = useDatePickerProps(label);
  return (
    <FluentField
      className="field"
      label={label}
      required={required}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { role: "alert", children: describe(error, language) } : undefined}
    >
      <DatePicker {...picker} value={dateOf(value)} onSelectDate={(d) => onChange(d ? isoDate(d) : "")} />
    </FluentField>
  );
}

/** A wall date and time ("2031-05-20T09:30"): a date picker and a time picker, labelled together. */
export function DateTimeField({ label, value, onChange, error, required }: DateProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const picker = useDatePickerProps(label);
  const labelId = useId();
  const [datePart, timePart = ""] = value.split("T");
  // Fluent's combobox keeps pointing at the option last active after its list has closed (and is gone): a screen
  // reader would look for an element that is not there, so the pointer goes with the list.
  const timeInput = useRef<HTMLInputElement>(null);
  const forgetActiveOption = () => setTimeout(() => timeInput.current?.removeAttribute("aria-activedescendant"));
  const anchor = dateOf(datePart) ?? new Date(2000, 0, 1);
  const time = parseTime(timePart);
  const selectedTime = time ? new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate(), Number(time.slice(0, 2)), Number(time.slice(3))) : null;
  const join = (d: string, t: string) => (d || t ? `${d}T${t}` : "");
  // What is typed in the time box stays as typed until it is committed (Enter, Tab, a choice in the list).
  const [typed, setTyped] = useState({ from: timePart, text: time ?? timePart });
  if (typed.from !== timePart) setTyped({ from: timePart, text: time ?? timePart });
  return (
    <FluentField
      className="field"
      label={{ id: labelId, children: label }}
      required={required}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { role: "alert", children: describe(error, language) } : undefined}
    >
      <div role="group" aria-labelledby={labelId} className={styles.pair}>
        <DatePicker
          {...picker}
          className={styles.date}
          aria-label={t("date")}
          value={dateOf(datePart)}
          onSelectDate={(d) => onChange(join(d ? isoDate(d) : "", time ?? ""))}
        />
        <TimePicker
          className={styles.time}
          input={{ className: styles.timeInput }}
          aria-label={t("time")}
          expandIcon={{ "aria-label": t("openChoices", { label: t("time") }) }}
          freeform
          hourCycle="h23"
          increment={15}
          dateAnchor={anchor}
          selectedTime={selectedTime}
          value={typed.text}
          onInput={(e) => setTyped({ from: timePart, text: (e.target as HTMLInputElement).value })}
          formatDateToTimeString={(d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`}
          parseTimeStringToDate={(text) => {
            const parsed = parseTime(text);
            return parsed
              ? { date: new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate(), Number(parsed.slice(0, 2)), Number(parsed.slice(3))) }
              : { date: null, errorType: "invalid-input" };
          }}
          onTimeChange={(_, data) => {
            const typed = data.selectedTime ? `${pad(data.selectedTime.getHours())}:${pad(data.selectedTime.getMinutes())}` : parseTime(data.selectedTimeText) ?? data.selectedTimeText ?? "";
            onChange(join(datePart, typed));
          }}
          ref={timeInput}
          onOpenChange={(_, data) => {
            if (!data.open) forgetActiveOption();
          }}
          onBlur={forgetActiveOption}
        />
      </div>
    </FluentField>
  );
}
