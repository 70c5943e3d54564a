namespace Collaboration.Meetings;

/// <summary>
/// The secretariat's calendar (Microsoft Graph, when configured): a sync is queued in the outbox with each
/// change that alters the event, and the outbox reports back the event's id, its Teams link and what it synced.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<SecretariatEvent> GetSecretariatEventAsync()
    {
        if (!State.Exists)
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
        var core = SecretariatEventCore();
        var attendees = new List<EventAttendee>();
        foreach (var personId in core.AttendeeIds)
        {
            if (await grains.GetGrain<IPersonGrain>(personId).FindAsync() is { } person)
                attendees.Add(new EventAttendee(person.Profile.Email, person.Profile.Name));
        }
        return core.Event with { Attendees = attendees };
    }

    public async Task RecordSecretariatEventAsync(SecretariatEventReceipt receipt)
    {
        var changed = false;
        // Only a new link to join is something the meeting's readers see; the event's id, a Teams link behind the
        // meeting's own link and a follow-up sync are the meeting's own records. The version, which the secretariat's next change is checked against, moves only with
        // what readers see: a change made just after scheduling is not refused because Graph answered in between.
        var seen = false;
        if (receipt.EventId is { Length: > 0 and <= 1000 } eventId && eventId != State.SecretariatEventId)
        {
            State.SecretariatEventId = eventId;
            changed = true;
        }
        if (receipt.JoinUrl is { } joinUrl && joinUrl != State.TeamsJoinUrl
            && Uri.TryCreate(joinUrl, UriKind.Absolute, out var link) && link.Scheme == "https")
        {
            var before = JoinUrl();
            State.TeamsJoinUrl = link.ToString();
            changed = true;
            // The link readers see changes only when the meeting has none of its own.
            seen = JoinUrl() != before;
            // A new link to join is news for every invitee: their calendars get it as an update.
            if (seen && State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            {
                State.Revision++;
                await QueueUpdateAsync();
            }
        }
        // Syncs run side by side; one that read an older state and finished last is followed by another.
        if (receipt.Fingerprint is { } synced && synced != State.SecretariatEventFingerprint && State.SecretariatEventFingerprint is not null)
        {
            QueueSecretariatSync(force: true);
            changed = true;
        }
        if (!changed)
            return;
        if (seen)
            State.Version++;
        await state.WriteOrForgetAsync();
        if (seen)
            await PublishAsync();
        await DispatchMailAsync();
    }

    /// <summary>
    /// Queues a sync of the secretariat's calendar, written with the change, when the event it should hold
    /// differs from the last one queued: scheduled and running meetings are there, a cancelled one that was
    /// there is cancelled, drafts never appear.
    /// </summary>
    private void QueueSecretariatSync(bool force = false)
    {
        if (!settings.Value.SecretariatCalendar)
            return;
        var wanted = State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            || (State.Status == MeetingStatus.Cancelled && State.SecretariatEventFingerprint is not null);
        if (!wanted)
            return;
        var fingerprint = SecretariatEventCore().Event.Fingerprint;
        if (fingerprint == State.SecretariatEventFingerprint && !force)
            return;
        State.SecretariatEventFingerprint = fingerprint;
        State.SecretariatSyncs++;
        var id = MailId($"secretariat-calendar|{State.SecretariatSyncs}", "secretariat");
        State.PendingMail.Add(new OutboxItem(id, "secretariat calendar", "Secretariat", State.Details!.WorkingLanguages[0], null,
            MeetingId: Key, SecretariatCalendar: true));
    }

    /// <summary>The secretariat's event without attendee addresses (those need a look-up per person), and whom it invites.</summary>
    private (SecretariatEvent Event, IReadOnlyList<string> AttendeeIds) SecretariatEventCore()
    {
        var details = State.Details!;
        var zone = Validate.TimeZone(details.TimeZone);
        var attendeeIds = State.CoChairs.Concat(State.Rapporteurs).Select(p => p.PersonId)
            .Concat(State.Invitations.Where(i => i.Status != InvitationStatus.Withdrawn).Select(i => i.Invitee.PersonId))
            .Distinct().ToList();
        var body = string.Join("\n\n", new[] { details.Descriptions.FirstOrDefault()?.Text, Agenda(zone) }.Where(t => !string.IsNullOrEmpty(t)));
        var @event = new SecretariatEvent(
            Key, State.Revision, State.Status == MeetingStatus.Cancelled, details.Titles[0].Text, body, Location(), details.TimeZone,
            State.StartsAt, State.EndsAt, [], details.Format != MeetingFormat.InPerson && details.OnlineMeetingUrl is null,
            State.SecretariatEventId, State.CancellationReason);
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f',
            @event.Cancelled, @event.Title, @event.Body, @event.Location, @event.TimeZone, @event.StartsAt.UtcTicks, @event.EndsAt.UtcTicks,
            @event.TeamsMeeting, @event.CancellationReason, string.Join(',', attendeeIds.Order(StringComparer.Ordinal))))));
        return (@event with { Fingerprint = fingerprint }, attendeeIds);
    }
}
