using Collaboration.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Collaboration.Integrations.Calendar;

/// <summary>
/// iCalendar subscription feeds (RFC 5545, METHOD PUBLISH): one event per meeting, with the same UID and
/// sequence as its invitations, times in the host city's zone with its VTIMEZONE, cancelled meetings kept
/// as CANCELLED so subscribed calendars remove them. Each zone's VTIMEZONE lists the changes of offset from a
/// year before its first event to a year after its last, so a feed grows with its meetings, not with history.
/// </summary>
public static class CalendarFeeds
{
    /// <summary>
    /// How far from now a series without end counts as needing its zone (the zone's listing adds a year more):
    /// calendar programs fetch a feed again every few hours or days, so the listing moves on with time.
    /// </summary>
    private static readonly TimeSpan OpenSeriesHorizon = TimeSpan.FromDays(366);

    public static string Build(string name, IEnumerable<MeetingSummary> meetings, string language, DateTimeOffset now, IEnumerable<WorkingGroups.WorkingGroupSummary>? series = null)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var groups = (series ?? []).Where(g => g.Series is not null).ToList();
        var seriesEvents = groups.Select(g => (Group: g, Event: SeriesEvent(g, now))).ToList();
        var spans = meetings.Select(m => (Zone: m.TimeZone, Earliest: m.StartsAt, Latest: m.EndsAt, OpenEnded: false))
            .Concat(seriesEvents.Select(s => Span(s.Group.Series!, s.Event, now)));
        foreach (var zone in spans.GroupBy(s => s.Zone))
            calendar.AddTimeZone(TimeZoneComponent.Create(zone.Key, zone.Min(s => s.Earliest), zone.Max(s => s.Latest), zone.Any(s => s.OpenEnded)));
        foreach (var (_, seriesEvent) in seriesEvents)
            calendar.Events.Add(seriesEvent);
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Mail.CalendarUid.Of(meeting.Id),
                Sequence = meeting.Revision,
                Summary = (meeting.Titles.FirstOrDefault(t => t.Language == language) ?? meeting.Titles.FirstOrDefault())?.Text,
                Location = string.Join(", ", new[] { meeting.Venue, meeting.City, meeting.HostCountry }.Where(t => !string.IsNullOrEmpty(t))),
                DtStamp = new CalDateTime(now.UtcDateTime),
                DtStart = new CalDateTime(TimeZoneComponent.LocalTime(meeting.TimeZone, meeting.StartsAt), meeting.TimeZone),
                DtEnd = new CalDateTime(TimeZoneComponent.LocalTime(meeting.TimeZone, meeting.EndsAt), meeting.TimeZone),
                Status = meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : meeting.Status == MeetingStatus.Draft ? "TENTATIVE" : "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// A working group's series as one recurring event (RRULE). Occurrences already scheduled as meetings are
    /// left out (EXDATE): they are events of their own, with their invitations.
    /// </summary>
    private static CalendarEvent SeriesEvent(WorkingGroups.WorkingGroupSummary group, DateTimeOffset now)
    {
        var series = group.Series!;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"series-{group.Id.Replace('/', '-')}@collaboration",
            Summary = group.Name,
            Location = string.Join(", ", new[] { series.Venue, series.City, series.HostCountry }.Where(t => !string.IsNullOrEmpty(t))),
            DtStamp = new CalDateTime(now.UtcDateTime),
            DtStart = new CalDateTime(series.FirstStartsLocal, series.TimeZone),
            Duration = Duration.FromMinutes(series.DurationMinutes),
            RecurrenceRule = new RecurrencePattern(series.RecurrenceRule),
            Status = "CONFIRMED",
        };
        foreach (var scheduled in group.ScheduledStartsLocal)
            calendarEvent.ExceptionDates.Add(new CalDateTime(scheduled, series.TimeZone));
        return calendarEvent;
    }

    /// <summary>
    /// The time a series' zone must cover: from its first occurrence to its UNTIL or its COUNTth occurrence, or,
    /// without either, to a horizon from now, beyond which the zone's yearly rule (if it has one) carries on.
    /// Local times stand in for instants here: the zone's listing reaches a year beyond either end anyway.
    /// </summary>
    private static (string Zone, DateTimeOffset Earliest, DateTimeOffset Latest, bool OpenEnded) Span(WorkingGroups.MeetingSeries series, CalendarEvent seriesEvent, DateTimeOffset now)
    {
        static DateTimeOffset Roughly(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        var first = Roughly(series.FirstStartsLocal);
        var rule = seriesEvent.RecurrenceRule!;
        if (rule.Until is { } until)
            return (series.TimeZone, first, Roughly(until.Value), false);
        if (rule.Count is { } count)
            return (series.TimeZone, first, Roughly(seriesEvent.GetOccurrences(seriesEvent.DtStart!).Take(count).LastOrDefault()?.Period.StartTime.Value ?? series.FirstStartsLocal), false);
        return (series.TimeZone, first, new[] { first, now + OpenSeriesHorizon }.Max(), true);
    }
}
