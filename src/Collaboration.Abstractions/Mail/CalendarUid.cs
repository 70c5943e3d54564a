namespace Collaboration.Mail;

/// <summary>The iCalendar UID of a meeting: the same in every invitation, cancellation and feed, so calendars match them.</summary>
public static class CalendarUid
{
    public static string Of(string meetingId) => $"{meetingId.Replace('/', '-')}@collaboration";
}
