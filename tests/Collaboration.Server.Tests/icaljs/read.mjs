// Reads iCalendar objects as a calendar program does, with ical.js (Thunderbird's parser), so the tests
// check our VTIMEZONEs against code we did not write. Input: a JSON file of [{ key, ics, occurrences? }].
// Output on stdout: for each object, every VEVENT's start and end as ical.js understands them, local and
// UTC, and whether ical.js took the zone from the VTIMEZONE in the same object (it has no zone data of its
// own here, so anything else would mean the file's TZID went unresolved); for a recurring event, the starts
// of its first `occurrences` occurrences too.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const time = (t) => ({
  local: t.toString(),
  tzid: t.zone?.tzid ?? null,
  fromFile: Boolean(t.zone?.component),
  utc: new Date(t.toUnixTime() * 1000).toISOString(),
});

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const answers = objects.map(({ key, ics, occurrences = 0 }) => {
  try {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      const starts = [];
      if (event.isRecurring()) {
        const iterator = event.iterator();
        for (let next = iterator.next(); next && starts.length < occurrences; next = iterator.next())
          starts.push(time(event.getOccurrenceDetails(next).startDate));
      }
      return { uid: event.uid, start: time(event.startDate), end: time(event.endDate), occurrences: starts };
    });
    return { key, events };
  } catch (error) {
    return { key, error: String(error) };
  }
});
process.stdout.write(JSON.stringify(answers));
