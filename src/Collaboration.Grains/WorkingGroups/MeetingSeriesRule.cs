using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Collaboration.WorkingGroups;

/// <summary>The occurrences of a meeting series, computed by Ical.Net from its RRULE in the series' time zone.</summary>
public static class MeetingSeriesRule
{
    private static readonly string[] Frequencies = ["WEEKLY", "MONTHLY", "YEARLY"];

    /// <summary>Checks a series (VALIDATION naming the field) and answers it with the rule in canonical form.</summary>
    public static MeetingSeries Check(MeetingSeries series)
    {
        var rule = series.RecurrenceRule?.Trim() ?? "";
        if (rule.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
            rule = rule["RRULE:".Length..];
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(rule);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw CollaborationException.Validation($"'{series.RecurrenceRule}' is not an iCalendar recurrence rule such as FREQ=MONTHLY;BYDAY=2TU.", "recurrenceRule", "INVALID_RRULE");
        }
        if (!Frequencies.Contains(pattern.Frequency.ToString().ToUpperInvariant()) || rule.Length > 300)
            throw CollaborationException.Validation("A working group meets weekly at most often: use FREQ=WEEKLY, MONTHLY or YEARLY.", "recurrenceRule", "RRULE_TOO_FREQUENT");
        if (series.DurationMinutes is < 15 or > 24 * 60)
            throw CollaborationException.Validation("A meeting of the series lasts from 15 minutes to a day.", "durationMinutes", "DURATION_RANGE");
        var zone = Validate.TimeZone(series.TimeZone);
        Meetings.MeetingGrain.ToUtc(series.FirstStartsLocal, zone, "firstStartsLocal");
        return series with
        {
            RecurrenceRule = rule.ToUpperInvariant(),
            TimeZone = zone.Id,
            FirstStartsLocal = DateTime.SpecifyKind(series.FirstStartsLocal, DateTimeKind.Unspecified),
            City = Validate.Text(series.City, "city", 100),
            Venue = Validate.OptionalText(series.Venue, "venue", 200),
        };
    }

    /// <summary>The local starts of the series' occurrences at or after <paramref name="fromLocal"/>, in order, at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<DateTime> Occurrences(MeetingSeries series, DateTime fromLocal, int count)
    {
        var calendarEvent = new CalendarEvent
        {
            DtStart = new CalDateTime(series.FirstStartsLocal, series.TimeZone),
            Duration = Duration.FromMinutes(series.DurationMinutes),
        };
        calendarEvent.RecurrenceRule = new RecurrencePattern(series.RecurrenceRule);
        return [.. calendarEvent.GetOccurrences(new CalDateTime(fromLocal, series.TimeZone))
            .Take(count)
            .Select(o => DateTime.SpecifyKind(o.Period.StartTime.Value, DateTimeKind.Unspecified))];
    }
}
