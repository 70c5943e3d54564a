using Collaboration.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Collaboration.Integrations.Calendar;

/// <summary>
/// iCalendar subscription feeds (RFC 5545, METHOD PUBLISH): one event per meeting, with the same UID and
/// sequence as its invitations, times in the host city's zone with its VTIMEZONE, cancelled meetings kept
/// as CANCELLED so subscribed calendars remove them.
/// </summary>
public static class CalendarFeeds
{
    public static string Build(string name, IEnumerable<MeetingSummary> meetings, string language, IEnumerable<WorkingGroups.WorkingGroupSummary>? series = null)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var groups = (series ?? []).Where(g => g.Series is not null).ToList();
        foreach (var zone in meetings.Select(m => m.TimeZone).Concat(groups.Select(g => g.Series!.TimeZone)).Distinct())
            calendar.AddTimeZone(zone);
        foreach (var group in groups)
            calendar.Events.Add(SeriesEvent(group));
        foreach (var meeting in meetings)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Mail.CalendarUid.Of(meeting.Id),
                Sequence = meeting.Revision,
                Summary = (meeting.Titles.FirstOrDefault(t => t.Language == language) ?? meeting.Titles.FirstOrDefault())?.Text,
                Location = string.Join(", ", new[] { meeting.Venue, meeting.City, meeting.HostCountry }.Where(t => !string.IsNullOrEmpty(t))),
                DtStamp = new CalDateTime(DateTime.UtcNow),
                DtStart = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.StartsAt, zone).DateTime, meeting.TimeZone),
                DtEnd = new CalDateTime(TimeZoneInfo.ConvertTime(meeting.EndsAt, zone).DateTime, meeting.TimeZone),
                Status = meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : meeting.Status == MeetingStatus.Draft ? "TENTATIVE" : "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// A working group's series as one recurring event (RRULE). Occurrences already scheduled as meetings are
    /// left out (EXDATE): they are events of their own, with their invitations.
    /// </summary>
    private static CalendarEvent SeriesEvent(WorkingGroups.WorkingGroupSummary group)
    {
        var series = group.Series!;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"series-{group.Id.Replace('/', '-')}@collaboration",
            Summary = group.Name,
            Location = string.Join(", ", new[] { series.Venue, series.City, series.HostCountry }.Where(t => !string.IsNullOrEmpty(t))),
            DtStamp = new CalDateTime(DateTime.UtcNow),
            DtStart = new CalDateTime(series.FirstStartsLocal, series.TimeZone),
            Duration = Duration.FromMinutes(series.DurationMinutes),
            RecurrenceRule = new RecurrencePattern(series.RecurrenceRule),
            Status = "CONFIRMED",
        };
        foreach (var scheduled in group.ScheduledStartsLocal)
            calendarEvent.ExceptionDates.Add(new CalDateTime(scheduled, series.TimeZone));
        return calendarEvent;
    }
}
