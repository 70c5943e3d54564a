using System.Net;
using Collaboration.Integrations.Calendar;
using Collaboration.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MimeKit;

namespace Collaboration.Integrations.Email;

/// <summary>
/// Turns an outbox item into a MIME message in the recipient's language. An invitation carries an iMIP
/// calendar part (RFC 6047): METHOD REQUEST or CANCEL, the meeting's stable UID, SEQUENCE = its revision,
/// times in the host city's zone with its VTIMEZONE, the secretariat as ORGANIZER and the invitee as
/// ATTENDEE with RSVP.
/// </summary>
public static class MailComposer
{
    private sealed record Text(string Invitation, string Update, string Cancellation, string When, string Where, string Agenda, string Reason, string Direction, string Answer, string Accept, string Maybe, string Decline, string JoinOnline, string MeetingPage);

    private static readonly Dictionary<string, Text> Texts = new()
    {
        ["en"] = new("Invitation", "Updated", "Cancelled", "When", "Where", "Agenda", "Reason", "ltr", "Your answer", "Accept", "Maybe", "Decline", "Join online", "The meeting's page"),
        ["fr"] = new("Invitation", "Mise à jour", "Annulé", "Quand", "Où", "Ordre du jour", "Motif", "ltr", "Votre réponse", "Accepter", "Peut-être", "Refuser", "Rejoindre en ligne", "La page de la réunion"),
        ["ar"] = new("دعوة", "تحديث", "إلغاء", "الموعد", "المكان", "جدول الأعمال", "السبب", "rtl", "ردّكم", "قبول", "ربما", "اعتذار", "الانضمام عبر الإنترنت", "صفحة الاجتماع"),
    };

    /// <summary>The address of the page an RSVP link opens, in the recipient's language.</summary>
    public static string RsvpLink(string baseUrl, string meetingId, string token, string response, string language = "en") =>
        $"{baseUrl.TrimEnd('/')}/rsvp?meeting={Uri.EscapeDataString(meetingId)}&token={Uri.EscapeDataString(token)}&response={response}&lang={Uri.EscapeDataString(language)}";

    /// <summary>
    /// The web app's route of a meeting's page (clients/web/src/App.tsx: <c>/meetings/:dialogue/:id</c>); a
    /// meeting id is "dialogue/meeting", each part escaped on its own.
    /// </summary>
    public static string MeetingPath(string meetingId) =>
        "/meetings/" + string.Join('/', meetingId.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The absolute address of a meeting's page in the web app.</summary>
    public static string MeetingLink(string baseUrl, string meetingId) => baseUrl.TrimEnd('/') + MeetingPath(meetingId);

    public static MimeMessage Compose(OutboxItem item, MailboxAddress from, string baseUrl)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(item.ToName, item.To));
        message.MessageId = $"{item.Id}@{from.Domain}";
        var text = Texts.GetValueOrDefault(item.Language) ?? Texts["en"];

        if (item.Notice is { } notice)
        {
            var (subject, body) = NoticeText(notice, item.Language);
            if (notice.OnlineMeetingUrl is { } noticeLink)
                body += $"\n{text.JoinOnline}: {noticeLink}";
            var noticePage = item.MeetingId is { } noticeMeeting ? MeetingLink(baseUrl, noticeMeeting) : null;
            message.Subject = subject;
            message.Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = noticePage is null ? body : $"{body}\n{text.MeetingPage}: {noticePage}" },
                new TextPart("html")
                {
                    Text = $"<!DOCTYPE html><html lang=\"{item.Language}\" dir=\"{text.Direction}\"><body>"
                        + string.Join(string.Empty, body.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
                        + (noticePage is null ? string.Empty : $"<p><a href=\"{WebUtility.HtmlEncode(noticePage)}\">{WebUtility.HtmlEncode(text.MeetingPage)}</a></p>")
                        + "</body></html>",
                },
            };
            message.Body.Headers.Replace(HeaderId.ContentLanguage, item.Language);
            return message;
        }

        if (item.Invitation is not { } invitation)
        {
            message.Subject = item.Subject ?? string.Empty;
            message.Body = item.HtmlBody is null
                ? new TextPart("plain") { Text = item.TextBody ?? string.Empty }
                : new MultipartAlternative { new TextPart("plain") { Text = item.TextBody ?? string.Empty }, new TextPart("html") { Text = item.HtmlBody } };
            message.Body.Headers.Replace(HeaderId.ContentLanguage, item.Language);
            return message;
        }

        var cancel = invitation.Method == CalendarMethod.Cancel;
        var label = cancel ? text.Cancellation : invitation.IsUpdate ? text.Update : text.Invitation;
        message.Subject = $"{label}: {invitation.Title}";
        // From the same tz data as the calendar part's VTIMEZONE, so the text and the calendar show one hour.
        var when = $"{TimeZoneComponent.LocalTime(invitation.TimeZone, invitation.StartsAt):yyyy-MM-dd HH:mm} – {TimeZoneComponent.LocalTime(invitation.TimeZone, invitation.EndsAt):yyyy-MM-dd HH:mm} ({invitation.TimeZone})";
        var lines = new List<string> { invitation.Title, string.Empty, $"{text.When}: {when}", $"{text.Where}: {invitation.Location}" };
        if (!cancel && invitation.OnlineMeetingUrl is { } joinUrl)
            lines.Add($"{text.JoinOnline}: {joinUrl}");
        if (cancel && invitation.CancellationReason is { } reason)
            lines.Add($"{text.Reason}: {reason}");
        var page = (invitation.MeetingId ?? item.MeetingId) is { } pageMeeting ? MeetingLink(baseUrl, pageMeeting) : null;
        if (page is not null)
            lines.Add($"{text.MeetingPage}: {page}");
        if (!string.IsNullOrEmpty(invitation.Description))
            lines.AddRange([string.Empty, $"{text.Agenda}:", invitation.Description]);
        var answers = invitation is { RsvpToken: { } token, MeetingId: { } meetingId }
            ? new[] { (text.Accept, "accept"), (text.Maybe, "tentative"), (text.Decline, "decline") }
                .Select(a => (a.Item1, Link: RsvpLink(baseUrl, meetingId, token, a.Item2, item.Language))).ToList()
            : [];
        if (answers.Count > 0)
            lines.AddRange([string.Empty, $"{text.Answer}:", .. answers.Select(a => $"{a.Item1}: {a.Link}")]);
        var plain = string.Join('\n', lines);
        var html = $"<!DOCTYPE html><html lang=\"{item.Language}\" dir=\"{text.Direction}\"><body>"
            + string.Join(string.Empty, lines.Take(answers.Count > 0 ? lines.Count - answers.Count : lines.Count)
                .Select(l => page is not null && l == $"{text.MeetingPage}: {page}"
                    ? $"<p><a href=\"{WebUtility.HtmlEncode(page)}\">{WebUtility.HtmlEncode(text.MeetingPage)}</a></p>"
                    : $"<p>{WebUtility.HtmlEncode(l)}</p>"))
            + string.Join(" | ", answers.Select(a => $"<a href=\"{WebUtility.HtmlEncode(a.Link)}\">{WebUtility.HtmlEncode(a.Item1)}</a>"))
            + "</body></html>";

        var calendarPart = new TextPart("calendar") { Text = Calendar(invitation, from) };
        calendarPart.ContentType.Parameters.Add("method", cancel ? "CANCEL" : "REQUEST");
        calendarPart.ContentType.Charset = "utf-8";
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = plain },
            new TextPart("html") { Text = html },
            calendarPart,
        };
        // Content-* headers belong to the body entity in MIME; MimeKit keeps them there.
        message.Body.Headers.Replace(HeaderId.ContentLanguage, item.Language);
        return message;
    }

    private static (string Subject, string Body) NoticeText(MeetingNotice notice, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(notice.TimeZone);
        var when = $"{TimeZoneInfo.ConvertTime(notice.StartsAt, zone):yyyy-MM-dd HH:mm} ({notice.TimeZone})";
        return (notice.Kind, language) switch
        {
            (NoticeKind.Reminder, "fr") => ($"Rappel : {notice.Title}", $"{notice.Title} commence le {when}, à {notice.Location}."),
            (NoticeKind.Reminder, "ar") => ($"تذكير: {notice.Title}", $"يبدأ {notice.Title} في {when}، في {notice.Location}."),
            (NoticeKind.Reminder, _) => ($"Reminder: {notice.Title}", $"{notice.Title} starts on {when}, at {notice.Location}."),
            (NoticeKind.NominationRequested, "fr") => ($"Désignez votre délégation : {notice.Title}",
                $"Votre État est invité à {notice.Title}, le {when}, à {notice.Location}. En tant que point focal, désignez sa délégation dans l'application."),
            (NoticeKind.NominationRequested, "ar") => ($"سمّوا وفدكم: {notice.Title}",
                $"دولتكم مدعوة إلى {notice.Title}، في {when}، في {notice.Location}. بصفتكم نقطة الاتصال، سمّوا وفدها في التطبيق."),
            (NoticeKind.NominationRequested, _) => ($"Nominate your delegation: {notice.Title}",
                $"Your state is invited to {notice.Title}, on {when}, at {notice.Location}. As its focal point, nominate its delegation in the app."),
            (_, "fr") => ($"Une place pour vous : {notice.Title}", $"Une place s'est libérée : vous êtes inscrit(e) à {notice.Title}, le {when}, à {notice.Location}."),
            (_, "ar") => ($"مكان لكم: {notice.Title}", $"أصبح لكم مكان في {notice.Title}، في {when}، في {notice.Location}."),
            _ => ($"A place for you: {notice.Title}", $"A place came free: you are now registered for {notice.Title}, on {when}, at {notice.Location}."),
        };
    }

    /// <summary>The iCalendar object of an invitation or cancellation.</summary>
    public static string Calendar(CalendarInvitation invitation, MailboxAddress organizer)
    {
        var calendar = new Ical.Net.Calendar { Method = invitation.Method == CalendarMethod.Cancel ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(TimeZoneComponent.Create(invitation.TimeZone, invitation.StartsAt, invitation.EndsAt));
        var calendarEvent = new CalendarEvent
        {
            Uid = invitation.Uid,
            Sequence = invitation.Sequence,
            Summary = invitation.Title,
            Description = invitation.OnlineMeetingUrl is { } link && invitation.Method == CalendarMethod.Request
                ? $"{link}\n\n{invitation.Description}".TrimEnd()
                : invitation.Description,
            Url = invitation.OnlineMeetingUrl is { } url ? new Uri(url) : null,
            Location = invitation.Location,
            DtStamp = new CalDateTime(DateTime.UtcNow),
            DtStart = new CalDateTime(TimeZoneComponent.LocalTime(invitation.TimeZone, invitation.StartsAt), invitation.TimeZone),
            DtEnd = new CalDateTime(TimeZoneComponent.LocalTime(invitation.TimeZone, invitation.EndsAt), invitation.TimeZone),
            Status = invitation.Method == CalendarMethod.Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organizer.Address}") { CommonName = organizer.Name },
        };
        calendarEvent.Attendees.Add(new Attendee($"mailto:{invitation.AttendeeEmail}")
        {
            CommonName = invitation.AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = invitation.ParticipationStatus,
            Rsvp = invitation.Method == CalendarMethod.Request,
        });
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
