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

        // A fresh model per call: the SDK's models send only what changed since they were last serialized.
        Event? saved = null;
        var transactionId = meeting.TransactionId;
        if (meeting.EventId is { } eventId)
        {
            try
            {
                saved = await graph.CallAsync(user => user.Events[eventId].PatchAsync(Event(meeting), cancellationToken: cancellationToken));
            }
            catch (InvalidOperationException e) when (e.InnerException is ApiException { ResponseStatusCode: 404 })
            {
                // Deleted in Outlook while the meeting stands: make it again, under a transaction of its own.
                transactionId = $"{meeting.TransactionId[..24]}{meeting.Revision:x12}";
            }
        }
        if (saved is null)
        {
            var created = Event(meeting);
            created.TransactionId = transactionId;
            saved = await graph.CallAsync(user => user.Events.PostAsync(created, cancellationToken: cancellationToken));
            // Two syncs of a new meeting can both create: Graph answers the second with the first one's event
            // (same transactionId), which may hold the older state. Bring it up to this one.
            if (saved?.Id is { } madeId && !Holds(saved, Event(meeting)))
                saved = await graph.CallAsync(user => user.Events[madeId].PatchAsync(Event(meeting), cancellationToken: cancellationToken)) ?? saved;
        }
        return new SecretariatEventReceipt(saved?.Id, saved?.OnlineMeeting?.JoinUrl);
    }

    /// <summary>
    /// Whether an event Graph returned already holds what <paramref name="wanted"/> asks for (Graph turns text
    /// bodies into HTML, so the body is not compared; the times, place and people are).
    /// </summary>
    private static bool Holds(Event held, Event wanted) =>
        held.Subject == wanted.Subject
        && SameTime(held.Start, wanted.Start) && SameTime(held.End, wanted.End)
        && held.Location?.DisplayName == wanted.Location?.DisplayName
        && (held.IsOnlineMeeting ?? false) == (wanted.IsOnlineMeeting ?? false)
        && (held.Attendees ?? []).Select(a => a.EmailAddress?.Address?.ToLowerInvariant()).Order().SequenceEqual(
            (wanted.Attendees ?? []).Select(a => a.EmailAddress?.Address?.ToLowerInvariant()).Order());

    private static bool SameTime(DateTimeTimeZone? held, DateTimeTimeZone? wanted) =>
        held?.TimeZone == wanted?.TimeZone && held?.DateTime is { Length: >= 19 } a && wanted?.DateTime is { Length: >= 19 } b && a[..19] == b[..19];

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
