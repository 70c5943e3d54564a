using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Mail;

[GenerateSerializer, Alias("collaboration.outbox-state")]
public sealed class OutboxState
{
    [Id(0)] public OutboxItem? Item { get; set; }
    [Id(1)] public OutboxStatus Status { get; set; }
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(5)] public string? LastError { get; set; }
}

/// <summary>
/// One outgoing message and its delivery: stored first, attempted at once, then retried by a durable
/// reminder with doubling back-off until it is sent or too old. Only one attempt runs at a time (the grain
/// is not reentrant) and a sent message is never sent again, so an outage delays mail and never doubles it.
/// </summary>
public sealed partial class OutboxGrain(
    [PersistentState("outbox", StorageNames.Grains)] IPersistentState<OutboxState> state,
    IMailTransport transport,
    IServiceProvider services,
    IGrainFactory grains,
    IOptions<OutboxSettings> settings,
    TimeProvider clock,
    ILogger<OutboxGrain> logger) : Grain, IOutboxGrain, IRemindable
{
    private const string ReminderName = "deliver";

    private OutboxState State => state.State;

    public async Task EnqueueAsync(OutboxItem item)
    {
        if (State.Item is not null)
            return;
        State.Item = item;
        await StartDeliveryAsync();
    }

    public async Task AttemptAsync()
    {
        if (State.Item is null || State.Status != OutboxStatus.Pending || clock.GetUtcNow() < State.NextAttemptAt)
            return;
        try
        {
            if (State.Item.SecretariatCalendar)
                await SyncSecretariatCalendarAsync(State.Item.MeetingId!);
            else
                await transport.DeliverAsync(State.Item);
            State.Status = OutboxStatus.Sent;
            // Sent mail keeps neither content nor recipient: bodies may hold sign-in links, invitations signed
            // answer links and attendees, and an address is personal data (an erased person's must not stay).
            State.Item = new OutboxItem(
                State.Item.Id, To: "", ToName: "", State.Item.Language, Invitation: null, State.Item.Subject,
                MeetingId: State.Item.MeetingId, PersonId: State.Item.PersonId, SecretariatCalendar: State.Item.SecretariatCalendar);
            State.LastError = null;
            State.Attempts++;
            await state.WriteOrForgetAsync();
            await StopReminderAsync();
            LogSent(logger, this.GetPrimaryKeyString(), State.Attempts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            State.Attempts++;
            State.LastError = $"{e.GetType().Name}: {e.Message}";
            var now = clock.GetUtcNow();
            if (e is UndeliverableException)
            {
                // Retrying cannot help: fail now, and tell the meeting so the secretariat sees it on the invitation.
                State.Status = OutboxStatus.Failed;
                await StopReminderAsync();
                if (State.Item is { MeetingId: { } meetingId, PersonId: { } personId })
                    await grains.GetGrain<IMeetingGrain>(meetingId).ReportUndeliverableAsync(personId, e.Message);
            }
            else if (now - State.CreatedAt >= settings.Value.GiveUpAfter)
            {
                State.Status = OutboxStatus.Failed;
                await StopReminderAsync();
            }
            else
            {
                var backoff = settings.Value.RetryPeriod * Math.Pow(2, Math.Min(State.Attempts - 1, 16));
                if (backoff > settings.Value.MaxBackoff)
                    backoff = settings.Value.MaxBackoff;
                // A server that says when to come back (429 or 503 with Retry-After) is not asked sooner.
                if (e is RetryLaterException later && later.RetryAfter > backoff)
                    backoff = later.RetryAfter;
                State.NextAttemptAt = now + backoff;
            }
            await state.WriteOrForgetAsync();
            if (State.Status == OutboxStatus.Failed)
                LogGivenUp(logger, this.GetPrimaryKeyString(), State.Attempts, e.GetType().Name);
            else
                LogFailed(logger, this.GetPrimaryKeyString(), State.Attempts, e.GetType().Name);
        }
        await IndexAsync();
    }

    public async Task<OutboxEntry> RetryAsync(Caller caller)
    {
        if (!InstallationRules.MayAdminister(caller))
            throw CollaborationException.Forbidden("Only an administrator may retry outgoing mail.");
        if (State.Item is null)
            throw CollaborationException.NotFound("The outbox has no such message.");
        if (State.Status != OutboxStatus.Failed)
            throw CollaborationException.InvalidState($"The message is {State.Status}: only failed messages are retried.");
        await StartDeliveryAsync();
        return Entry();
    }

    /// <summary>Brings the meeting's event in the secretariat's calendar up to the meeting as it is now.</summary>
    private async Task SyncSecretariatCalendarAsync(string meetingId)
    {
        var calendar = services.GetService(typeof(ISecretariatCalendar)) as ISecretariatCalendar
            ?? throw new InvalidOperationException("The secretariat calendar (Microsoft Graph) is not configured on this server.");
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var wanted = await meeting.GetSecretariatEventAsync();
        var receipt = await calendar.SyncAsync(wanted);
        await meeting.RecordSecretariatEventAsync(receipt with { Fingerprint = wanted.Fingerprint });
    }

    /// <summary>Stores the message as pending, sets the retry reminder, and tries once as soon as the caller has its answer.</summary>
    private async Task StartDeliveryAsync()
    {
        var now = clock.GetUtcNow();
        State.Status = OutboxStatus.Pending;
        State.CreatedAt = now;
        State.NextAttemptAt = now;
        await state.WriteOrForgetAsync();
        await this.RegisterOrUpdateReminder(ReminderName, settings.Value.RetryPeriod, settings.Value.RetryPeriod);
        await IndexAsync();
        await this.AsReference<IOutboxGrain>().AttemptAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        State.Status == OutboxStatus.Pending ? AttemptAsync() : StopReminderAsync();

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private Task IndexAsync() => grains.GetGrain<IOutboxIndexGrain>(0).RecordAsync(Entry());

    private OutboxEntry Entry()
    {
        var item = State.Item!;
        var description = item.SecretariatCalendar ? $"Secretariat calendar (Microsoft Graph): meeting {item.MeetingId}"
            : item.Invitation is { } invitation
            ? $"{(invitation.Method == CalendarMethod.Cancel ? "Cancellation" : "Invitation")} (sequence {invitation.Sequence}): {invitation.Title}"
            : item.Notice is { } notice ? $"{notice.Kind}: {notice.Title}"
            : item.Subject ?? "Message";
        return new OutboxEntry(this.GetPrimaryKeyString(), item.To, description, State.Status, State.Attempts, State.CreatedAt,
            State.Status == OutboxStatus.Pending ? State.NextAttemptAt : null, State.LastError);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} sent after {Attempts} attempt(s)")]
    private static partial void LogSent(ILogger logger, string id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: attempt {Attempts} failed ({Error}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: given up after {Attempts} attempt(s) ({Error}); an administrator can retry it")]
    private static partial void LogGivenUp(ILogger logger, string id, int attempts, string error);
}

[GenerateSerializer, Alias("collaboration.outbox-index-state")]
public sealed class OutboxIndexState
{
    [Id(0)] public Dictionary<string, OutboxEntry> Entries { get; set; } = [];
}

/// <summary>The messages not sent yet, and those given up, for the secretariat to see and retry.</summary>
public sealed class OutboxIndexGrain(
    [PersistentState("outbox-index", StorageNames.Grains)] IPersistentState<OutboxIndexState> state) : Grain, IOutboxIndexGrain
{
    public async Task RecordAsync(OutboxEntry entry)
    {
        var changed = entry.Status == OutboxStatus.Sent
            ? state.State.Entries.Remove(entry.Id)
            : !state.State.Entries.TryGetValue(entry.Id, out var held) || held != entry;
        if (entry.Status != OutboxStatus.Sent)
            state.State.Entries[entry.Id] = entry;
        if (changed)
            await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(Caller caller)
    {
        if (!InstallationRules.MayAdminister(caller))
            throw CollaborationException.Forbidden("Only an administrator may look into the outbox.");
        return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. state.State.Entries.Values.OrderBy(e => e.CreatedAt)]);
    }

    public Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller) =>
        Task.FromResult<IReadOnlyList<AgendaItem>>(!InstallationRules.MayAdminister(caller) ? [] : [.. state.State.Entries.Values
            .Where(e => e.Status == OutboxStatus.Failed)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new AgendaItem(AgendaItemKind.FailedMessage, AgendaAction.RetryMessage, e.Id, null, null, $"{e.Description} ({e.To})", e.CreatedAt, null, false))]);
}
