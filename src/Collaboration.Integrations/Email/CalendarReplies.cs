using Collaboration.Mail;
using Collaboration.Meetings;
using MimeKit;

namespace Collaboration.Integrations.Email;

/// <summary>An invitee's answer found in an iMIP REPLY: which meeting, from which address, what answer.</summary>
public sealed record CalendarReply(string MeetingId, string AttendeeEmail, InvitationResponse Response);

/// <summary>
/// Reads iMIP REPLY messages (RFC 6047), what Outlook and Gmail send when someone clicks Accept: the
/// calendar part's UID names the meeting, the ATTENDEE's PARTSTAT is the answer. A reply speaks only for
/// its sender: an attendee other than the From address is ignored, and so is anything that does not parse.
/// </summary>
public static class CalendarReplies
{
    public static IReadOnlyList<CalendarReply> Read(MimeMessage message)
    {
        var senders = message.From.Mailboxes.Select(m => m.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replies = new List<CalendarReply>();
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(IsCalendar))
        {
            Ical.Net.Calendar? calendar;
            try
            {
                calendar = Ical.Net.Calendar.Load(part.Text);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue;
            }
            if (calendar is null || !string.Equals(calendar.Method, "REPLY", StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (var calendarEvent in calendar.Events)
            {
                if (CalendarUid.MeetingIdOf(calendarEvent.Uid) is not { } meetingId)
                    continue;
                foreach (var attendee in calendarEvent.Attendees)
                {
                    var address = attendee.Value?.ToString() is { } uri && uri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? uri["mailto:".Length..] : null;
                    InvitationResponse? response = attendee.ParticipationStatus?.ToUpperInvariant() switch
                    {
                        "ACCEPTED" => InvitationResponse.Accept,
                        "TENTATIVE" => InvitationResponse.Tentative,
                        "DECLINED" => InvitationResponse.Decline,
                        _ => null,
                    };
                    if (address is not null && senders.Contains(address) && response is { } answer)
                        replies.Add(new CalendarReply(meetingId, address, answer));
                }
            }
        }
        return replies;
    }

    public static bool IsCalendar(MimeEntity part) =>
        part.ContentType.IsMimeType("text", "calendar") || part.ContentType.IsMimeType("application", "ics");
}
