using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Duration = NodaTime.Duration;

namespace Collaboration.Integrations.Calendar;

/// <summary>
/// VTIMEZONE components (RFC 5545 §3.6.5) written from the tz database, with the zone's real changes of
/// offset around the events that use it. Ical.Net's own <c>VTimeZone.FromDateTimeZone</c> turns this year's
/// changes into yearly rules, which is wrong wherever the changes do not follow one: Morocco leaves UTC+1
/// during Ramadan, Egypt brought summer time back in 2023, Ireland's winter time is a negative saving.
/// Calendar programs such as Thunderbird (ical.js) compute a meeting's hour from this component, not from the TZID.
/// </summary>
public static class TimeZoneComponent
{
    /// <summary>
    /// How far beyond the events the changes are listed. A recipient may propose another time or copy the
    /// event to another day, and a calendar program may keep the zone for other events with its TZID; a year
    /// either side covers those for a few lines more.
    /// </summary>
    private static readonly Duration Margin = Duration.FromDays(366);

    /// <summary>How far ahead an open-ended span checks that the zone's changes follow a yearly rule before writing it as one.</summary>
    private const int RegularYears = 30;

    /// <summary>
    /// The zone's VTIMEZONE for events from <paramref name="earliest"/> to <paramref name="latest"/>: one
    /// STANDARD or DAYLIGHT observance per change of offset, each with its own DTSTART and no recurrence.
    /// With <paramref name="openEnded"/> (a series without end) the zone's yearly rule follows the listed
    /// changes as RRULEs, but only when the tz database's changes really follow one.
    /// </summary>
    public static VTimeZone Create(string zoneId, DateTimeOffset earliest, DateTimeOffset latest, bool openEnded = false)
    {
        var zone = Zone(zoneId);
        var from = Instant.FromDateTimeOffset(earliest) - Margin;
        var to = Instant.FromDateTimeOffset(latest) + Margin;
        var component = new VTimeZone(zoneId);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        for (var i = 0; i < intervals.Count; i++)
            component.TimeZoneInfos.Add(i == 0 ? First(zone, intervals[0], from) : Change(zone, intervals[i - 1], intervals[i]));
        if (openEnded && intervals[^1].HasEnd)
            foreach (var rule in YearlyRules(zone, intervals[^1]))
                component.TimeZoneInfos.Add(rule);
        return component;
    }

    /// <summary>The wall time in the zone at an instant, by the same data as the zone's VTIMEZONE, so the two agree.</summary>
    public static DateTime LocalTime(string zoneId, DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(Zone(zoneId)).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>
    /// The tz database that ships with NodaTime; a zone only the operating system knows (newer system data)
    /// is read from the system rather than failing the message.
    /// </summary>
    private static DateTimeZone Zone(string zoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? BclDateTimeZone.FromTimeZoneInfo(TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>
    /// The offset in force when the span begins, from the start of its period. Its TZOFFSETFROM repeats its own
    /// offset: what came before is of no interest, and is often local mean time with seconds that readers mishandle.
    /// </summary>
    private static VTimeZoneInfo First(DateTimeZone zone, ZoneInterval interval, Instant from)
    {
        var onset = interval.HasStart ? interval.IsoLocalStart : from.WithOffset(interval.WallOffset).LocalDateTime.Date.AtMidnight();
        return Observance(zone, interval, onset, interval.WallOffset);
    }

    /// <summary>A change of offset: DTSTART is the moment of change in the wall time before it, as RFC 5545 wants.</summary>
    private static VTimeZoneInfo Change(DateTimeZone zone, ZoneInterval before, ZoneInterval after) =>
        Observance(zone, after, after.Start.WithOffset(before.WallOffset).LocalDateTime, before.WallOffset);

    private static VTimeZoneInfo Observance(DateTimeZone zone, ZoneInterval interval, LocalDateTime onset, Offset offsetFrom) =>
        new(IsDaylight(zone, interval) ? Components.Daylight : Components.Standard)
        {
            Start = new CalDateTime(onset.ToDateTimeUnspecified(), true),
            OffsetFrom = new UtcOffset(offsetFrom.ToTimeSpan()),
            OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
            TimeZoneName = interval.Name,
        };

    /// <summary>
    /// DAYLIGHT is the higher offset of a pair. The tz database writes Ireland's winter and Morocco's Ramadan as
    /// negative savings from a higher standard time; calendar programs (Outlook among them) expect the opposite,
    /// so the period next to a negative saving is the daylight one.
    /// </summary>
    private static bool IsDaylight(DateTimeZone zone, ZoneInterval interval) =>
        interval.Savings > Offset.Zero
        || interval.Savings == Offset.Zero
            && (interval.HasStart && zone.GetZoneInterval(interval.Start - Duration.Epsilon).Savings < Offset.Zero
                || interval.HasEnd && zone.GetZoneInterval(interval.End).Savings < Offset.Zero);

    /// <summary>
    /// The changes after <paramref name="last"/> as two yearly rules (the nth or last weekday of a month at a wall
    /// time, as in Europe), when the next <see cref="RegularYears"/> years of the tz database follow them to the
    /// minute; none otherwise (Morocco and Egypt do not), and then the last listed offset holds.
    /// </summary>
    private static IEnumerable<VTimeZoneInfo> YearlyRules(DateTimeZone zone, ZoneInterval last)
    {
        var ahead = zone.GetZoneIntervals(last.End, last.End + Duration.FromDays(366 * RegularYears)).ToList();
        if (ahead.Count < 2 * RegularYears)
            return [];
        var rules = new List<VTimeZoneInfo>();
        for (var parity = 0; parity < 2; parity++)
        {
            var changes = ahead.Select((interval, i) => (Before: i == 0 ? last : ahead[i - 1], After: interval)).Where((_, i) => i % 2 == parity).ToList();
            var onsets = changes.Select(c => c.After.Start.WithOffset(c.Before.WallOffset).LocalDateTime).ToList();
            var first = changes[0];
            var same = changes.All(c => c.Before.WallOffset == first.Before.WallOffset && c.After.WallOffset == first.After.WallOffset && c.After.Name == first.After.Name
                && IsDaylight(zone, c.After) == IsDaylight(zone, first.After));
            var yearly = onsets.Select((o, i) => o.Year == onsets[0].Year + i && o.Month == onsets[0].Month && o.TimeOfDay == onsets[0].TimeOfDay && o.DayOfWeek == onsets[0].DayOfWeek).All(x => x);
            if (!same || !yearly || WeekOfMonth(onsets) is not { } week)
                return [];
            var rule = Change(zone, first.Before, first.After);
            rule.RecurrenceRule = new RecurrencePattern($"FREQ=YEARLY;BYMONTH={onsets[0].Month};BYDAY={week}{Day(onsets[0].DayOfWeek)}");
            rules.Add(rule);
        }
        return rules;
    }

    /// <summary>Which weekday of the month every onset falls on, the same each year: 1 to 4, or -1 for the last; null when none fits all.</summary>
    private static int? WeekOfMonth(IReadOnlyList<LocalDateTime> onsets)
    {
        int[] candidates = [(onsets[0].Day - 1) / 7 + 1, -1];
        foreach (var week in candidates.Where(w => w <= 4))
        {
            if (onsets.All(o => week > 0 ? (o.Day - 1) / 7 + 1 == week : o.Day + 7 > o.Calendar.GetDaysInMonth(o.Year, o.Month)))
                return week;
        }
        return null;
    }

    private static string Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}
