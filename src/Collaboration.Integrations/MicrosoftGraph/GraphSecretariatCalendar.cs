using Collaboration.Mail;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace Collaboration.Integrations.MicrosoftGraph;

/// <summary>
/// Keeps a meeting's event in the secretariat's calendar: created once (with a stable <c>transactionId</c>,
/// so a retry never makes a second one), patched to the meeting's latest state, cancelled with the reason.
/// Hybrid and online meetings without a link of their own become Teams meetings; the join link comes back.
/// </summary>
public sealed class GraphSecretariatCalendar(GraphConnection graph) : ISecretariatCalendar
{
    public async Task<SecretariatEventReceipt> SyncAsync(SecretariatEvent meeting, CancellationToken cancellationToken = default)
    {
        if (meeting.Cancelled)
        {
            if (meeting.EventId is null)
                return new SecretariatEventReceipt(null, null);
            try
            {
                await graph.CallAsync(async user =>
                {
                    await user.Events[meeting.EventId].Cancel.PostAsync(
                        new() { Comment = meeting.CancellationReason ?? string.Empty }, cancellationToken: cancellationToken);
                    return true;
                });
            }
            catch (InvalidOperationException e) when (e.InnerException is ApiException { ResponseStatusCode: 404 })
            {
                // Someone already deleted it in Outlook: nothing is left to cancel.
            }
            return new SecretariatEventReceipt(meeting.EventId, null);
        }

        var body = Event(meeting);
        Event? saved = null;
        if (meeting.EventId is { } eventId)
        {
            try
            {
                saved = await graph.CallAsync(user => user.Events[eventId].PatchAsync(body, cancellationToken: cancellationToken));
            }
            catch (InvalidOperationException e) when (e.InnerException is ApiException { ResponseStatusCode: 404 })
            {
                // Deleted in Outlook while the meeting stands: make it again, under a transaction of its own.
                body.TransactionId = $"{meeting.TransactionId[..24]}{meeting.Revision:x12}";
            }
        }
        else
        {
            body.TransactionId = meeting.TransactionId;
        }
        saved ??= await graph.CallAsync(user => user.Events.PostAsync(body, cancellationToken: cancellationToken));
        return new SecretariatEventReceipt(saved?.Id, saved?.OnlineMeeting?.JoinUrl);
    }

    private Event Event(SecretariatEvent meeting)
    {
        var (zone, start, end) = Times(meeting);
        return new Event
        {
            Subject = meeting.Title,
            Body = new ItemBody { ContentType = BodyType.Text, Content = meeting.Body },
            Start = new DateTimeTimeZone { DateTime = start, TimeZone = zone },
            End = new DateTimeTimeZone { DateTime = end, TimeZone = zone },
            Location = new Location { DisplayName = meeting.Location },
            Attendees = graph.Options.AttendeesOnEvent
                ? [.. meeting.Attendees.Select(a => new Attendee
                {
                    EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name },
                    Type = AttendeeType.Required,
                })]
                : [],
            IsOnlineMeeting = meeting.TeamsMeeting,
            OnlineMeetingProvider = meeting.TeamsMeeting ? OnlineMeetingProviderType.TeamsForBusiness : null,
            AllowNewTimeProposals = false,
        };
    }

    /// <summary>Graph wants Windows zone names; a zone without one goes as UTC.</summary>
    private static (string Zone, string Start, string End) Times(SecretariatEvent meeting)
    {
        const string format = "yyyy-MM-ddTHH:mm:ss";
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (TimeZoneInfo.TryConvertIanaIdToWindowsId(meeting.TimeZone, out var windows))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
            return (windows,
                TimeZoneInfo.ConvertTime(meeting.StartsAt, zone).ToString(format, culture),
                TimeZoneInfo.ConvertTime(meeting.EndsAt, zone).ToString(format, culture));
        }
        return ("UTC", meeting.StartsAt.UtcDateTime.ToString(format, culture), meeting.EndsAt.UtcDateTime.ToString(format, culture));
    }
}
