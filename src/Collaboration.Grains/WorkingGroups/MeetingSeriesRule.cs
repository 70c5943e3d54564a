using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Collaboration.WorkingGroups;

/// <summary>The occurrences of a meeting series, computed by Ical.Net from its RRULE in the series' time zone.</summary>
public static class MeetingSeriesRule
{
    private static readonly string[] Frequencies = ["WEEKLY", "MONTHLY", "YEARLY"];

    /// <summary>Checks a series (VALIDATION naming every bad field) and answers it with the rule in canonical form.</summary>
    public static MeetingSeries Check(MeetingSeries series)
    {
        var problems = new Problems();
        var valid = Check(series, problems);
        problems.ThrowIfAny();
        return valid;
    }

    /// <summary>Checks a series, recording each bad field; the answer is not to be used when there is one.</summary>
    public static MeetingSeries Check(MeetingSeries series, Problems problems)
    {
        var rule = series.RecurrenceRule?.Trim() ?? "";
        if (rule.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
            rule = rule["RRULE:".Length..];
        RecurrencePattern? pattern = null;
        try
        {
            pattern = new RecurrencePattern(rule);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            problems.Add("recurrenceRule", $"'{series.RecurrenceRule}' is not an iCalendar recurrence rule such as FREQ=MONTHLY;BYDAY=2TU.", "INVALID_RRULE");
        }
        if (pattern is not null && (!Frequencies.Contains(pattern.Frequency.ToString().ToUpperInvariant()) || rule.Length > 300))
            problems.Add("recurrenceRule", "A working group meets weekly at most often: use FREQ=WEEKLY, MONTHLY or YEARLY.", "RRULE_TOO_FREQUENT");
        if (series.DurationMinutes is < 15 or > 24 * 60)
            problems.Add("durationMinutes", "A meeting of the series lasts from 15 minutes to a day.", "DURATION_RANGE");
        var zone = problems.Check(() => Validate.TimeZone(series.TimeZone));
        if (zone is not null)
            problems.Check(() => Meetings.MeetingGrain.ToUtc(series.FirstStartsLocal, zone, "firstStartsLocal"));
        if (!Enum.IsDefined(series.Format))
            problems.Add("format", "The format is in person, hybrid or online.", "REQUIRED");
        return series with
        {
            RecurrenceRule = rule.ToUpperInvariant(),
            TimeZone = zone?.Id ?? "",
            FirstStartsLocal = DateTime.SpecifyKind(series.FirstStartsLocal, DateTimeKind.Unspecified),
            City = problems.Check(() => Validate.Text(series.City, "city", 100)) ?? "",
            Venue = problems.Check(() => Validate.OptionalText(series.Venue, "venue", 200)),
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
