namespace Collaboration.Meetings;

/// <summary>
/// Mail and reminders. Every message is added to the meeting's state (<see cref="MeetingState.PendingMail"/>)
/// so it is written with the change that causes it, then handed to the outbox after the write; its id comes
/// from what caused it, so a second hand-over cannot send it twice. Orleans reminders remind participants
/// before the meeting.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>A REQUEST at the new revision for everyone still invited, once the meeting has been announced.</summary>
    private Task QueueUpdateAsync(bool isUpdate = true) =>
        State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            ? QueueMailAsync(CalendarMethod.Request, State.Invitations.Where(i => i.Status is not (InvitationStatus.Withdrawn or InvitationStatus.Declined)), isUpdate)
            : Task.CompletedTask;

    /// <summary>
    /// Adds invitations or cancellations to the meeting's state, so they are written with the change that
    /// causes them; <see cref="DispatchMailAsync"/> hands them to the outbox after the write.
    /// </summary>
    private async Task QueueMailAsync(CalendarMethod method, IEnumerable<StoredInvitation> invitations, bool isUpdate = false)
    {
        var zone = Validate.TimeZone(State.Details!.TimeZone);
        var rsvpKey = method == CalendarMethod.Request ? await grains.GetGrain<IRsvpKeyGrain>(0).GetKeyAsync() : null;
        foreach (var invitation in invitations.ToList())
        {
            var person = await grains.GetGrain<IPersonGrain>(invitation.Invitee.PersonId).FindAsync();
            if (person is null)
                continue;
            var language = person.Profile.PreferredLanguage;
            var title = (State.Details.Titles.FirstOrDefault(t => t.Language == language) ?? State.Details.Titles[0]).Text;
            var description = (State.Details.Descriptions.FirstOrDefault(t => t.Language == language) ?? State.Details.Descriptions.FirstOrDefault())?.Text;
            var agenda = Agenda(zone);
            var id = MailId($"{State.Revision}|{method}", invitation.Invitee.PersonId);
            State.PendingMail.RemoveAll(m => m.Id == id);
            State.PendingMail.Add(new OutboxItem(id, person.Profile.Email, person.Profile.Name, language, new CalendarInvitation(
                method,
                CalendarUid.Of(Key),
                State.Revision,
                title,
                string.Join("\n\n", new[] { description, agenda }.Where(t => !string.IsNullOrEmpty(t))),
                Location(),
                State.Details.TimeZone,
                State.StartsAt,
                State.EndsAt,
                person.Profile.Email,
                person.Profile.Name,
                invitation.Status switch
                {
                    InvitationStatus.Accepted => "ACCEPTED",
                    InvitationStatus.Tentative => "TENTATIVE",
                    InvitationStatus.Declined => "DECLINED",
                    _ => "NEEDS-ACTION",
                },
                State.CancellationReason,
                isUpdate,
                rsvpKey is null ? null : RsvpToken.Sign(rsvpKey, Key, invitation.Invitee.PersonId, State.EndsAt.AddDays(1)),
                Key,
                JoinUrl()),
                MeetingId: Key,
                PersonId: invitation.Invitee.PersonId));
        }
    }

    /// <summary>Adds notices (waitlist promotion, reminder) to the state, written with the change that causes them.</summary>
    private Task QueueNoticeAsync(NoticeKind kind, IEnumerable<StoredInvitation> invitations, string occasion) =>
        QueueNoticeToAsync(kind, [.. invitations.Select(i => i.Invitee.PersonId)], occasion);

    /// <summary>Adds notices to these people (a focal point asked to nominate has no invitation) to the state.</summary>
    private async Task QueueNoticeToAsync(NoticeKind kind, IReadOnlyList<string> personIds, string occasion)
    {
        foreach (var personId in personIds)
        {
            var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync();
            if (person is null)
                continue;
            var language = person.Profile.PreferredLanguage;
            var title = (State.Details!.Titles.FirstOrDefault(t => t.Language == language) ?? State.Details.Titles[0]).Text;
            var id = MailId($"{kind}|{occasion}", personId);
            State.PendingMail.RemoveAll(m => m.Id == id);
            State.PendingMail.Add(new OutboxItem(id, person.Profile.Email, person.Profile.Name, language, null, Notice: new MeetingNotice(
                kind,
                title,
                Location(),
                State.Details.TimeZone,
                State.StartsAt,
                State.EndsAt,
                JoinUrl()),
                MeetingId: Key,
                PersonId: personId));
        }
    }

    /// <summary>
    /// The outbox id of one message about this meeting: derived from what caused it and whom it is for, so
    /// handing it over twice (after a crash) cannot send it twice.
    /// </summary>
    private string MailId(string occasion, string personId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{Key}|{occasion}|{personId}")).AsSpan(0, 16));

    /// <summary>Hands written invitations to the outbox; what it could not hand over stays for the next write or activation.</summary>
    private async Task DispatchMailAsync()
    {
        if (await OutboxHandOver.TryAsync(grains, State.PendingMail, state.WriteOrForgetAsync) is { } failure)
            LogDispatchFailed(logger, failure, Key, State.PendingMail.Count);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Meeting {MeetingId}: {Count} invitation(s) not yet handed to the outbox; they stay in the meeting and are handed over at its next change or activation")]
    private static partial void LogDispatchFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string meetingId, int count);

    private string Agenda(TimeZoneInfo zone) => string.Join('\n', State.Sessions.Select(s =>
        $"{TimeZoneInfo.ConvertTime(s.StartsAt, zone):yyyy-MM-dd HH:mm}–{TimeZoneInfo.ConvertTime(s.EndsAt, zone):HH:mm} {s.Title}"));

    /// <summary>The link to join online: the secretariat's own, else the Teams meeting its calendar made.</summary>
    private string? JoinUrl() =>
        State.Details!.Format == MeetingFormat.InPerson ? null : State.Details.OnlineMeetingUrl ?? State.TeamsJoinUrl;

    private string Location() =>
        string.Join(", ", new[] { State.Details!.Venue, State.Details.City, State.Details.HostCountry }.Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>Keeps one Orleans reminder per reminder time that is still ahead, while the meeting is scheduled.</summary>
    private async Task ArrangeRemindersAsync()
    {
        try
        {
            var now = clock.GetUtcNow();
            foreach (var offset in settings.Value.ReminderOffsets)
            {
                var name = ReminderName(offset);
                var due = State.StartsAt - offset - now;
                if (State.Status == MeetingStatus.Scheduled && due > TimeSpan.Zero && !State.RemindersSent.Contains(ReminderKey(offset)))
                    // Far-off reminders wake the meeting every 30 days to be set again, within what timers take.
                    await this.RegisterOrUpdateReminder(name, due < MaxReminderWait ? due : MaxReminderWait, TimeSpan.FromDays(1));
                else if (await this.GetReminder(name) is { } stale)
                    await this.UnregisterReminder(stale);
            }
        }
        catch (Exception e) when (e is not CollaborationException)
        {
            LogRemindersNotArranged(logger, e, Key);
        }
    }

    private static readonly TimeSpan MaxReminderWait = TimeSpan.FromDays(30);

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Meeting {MeetingId}: its reminders could not be arranged; they are arranged again at its next change")]
    private static partial void LogRemindersNotArranged(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string meetingId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var offset = settings.Value.ReminderOffsets.FirstOrDefault(o => ReminderName(o) == reminderName);
        LogReminder(logger, Key, reminderName);
        if (offset != default && State.Status == MeetingStatus.Scheduled && clock.GetUtcNow() < State.StartsAt - offset - TimeSpan.FromMinutes(5))
        {
            await ArrangeRemindersAsync();
            return;
        }
        if (offset != default && State.Status == MeetingStatus.Scheduled && !State.RemindersSent.Contains(ReminderKey(offset)))
        {
            State.RemindersSent.Add(ReminderKey(offset));
            await QueueNoticeAsync(
                NoticeKind.Reminder,
                State.Invitations.Where(i => i.Status is InvitationStatus.Accepted or InvitationStatus.Tentative),
                ReminderKey(offset));
            await state.WriteOrForgetAsync();
            await DispatchMailAsync();
        }
        if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Debug, Message = "Meeting {MeetingId}: reminder {Reminder} is due")]
    private static partial void LogReminder(Microsoft.Extensions.Logging.ILogger logger, string meetingId, string reminder);

    private static string ReminderName(TimeSpan offset) => $"remind-{(long)offset.TotalMinutes}m";

    private string ReminderKey(TimeSpan offset) => $"{State.StartsAt.UtcTicks}|{offset.Ticks}";
}
