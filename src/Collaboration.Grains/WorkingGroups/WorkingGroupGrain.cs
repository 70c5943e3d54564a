using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.WorkingGroups;

[GenerateSerializer, Alias("collaboration.working-group-state")]
public sealed class WorkingGroupState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public WorkingGroupDetails? Details { get; set; }
    [Id(2)] public List<MeetingPerson> Chairs { get; set; } = [];
    [Id(3)] public MeetingSeries? Series { get; set; }
    [Id(4)] public List<SeriesOccurrence> Occurrences { get; set; } = [];
    [Id(5)] public List<ActionItem> ActionItems { get; set; } = [];
    [Id(6)] public List<GroupDocument> Documents { get; set; } = [];
    [Id(7)] public int Version { get; set; }

    /// <summary>Reminders of action items, written with the change that causes them, until the outbox has them.</summary>
    [Id(8)] public List<OutboxItem> PendingMail { get; set; } = [];
    /// <summary>The idempotency keys of creating requests done here (see <see cref="RequestKeys"/>).</summary>
    [Id(9)] public List<string> Requests { get; set; } = [];
}

/// <summary>
/// A standing working group and its rules: who may change what, its meeting series (each occurrence a real
/// meeting, scheduled through the meeting grain and its invitations), documents, and action items with
/// owners, due dates and a reminder before the due date. A refused call changes nothing.
/// </summary>
public sealed partial class WorkingGroupGrain(
    [PersistentState("working-group", StorageNames.Grains)] IPersistentState<WorkingGroupState> state,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<WorkingGroupSettings> settings,
    ILogger<WorkingGroupGrain> logger) : Grain, IWorkingGroupGrain, IRemindable
{
    public const int MaxActionItems = 500;
    public const int MaxDocuments = 200;
    public const int MaxScheduledAtOnce = 12;
    private const string ReminderName = "action-items";

    private WorkingGroupState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => Meetings.MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no working group '{Key}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists)
            await DispatchMailAsync();
    }

    public async Task<WorkingGroupView> CreateAsync(Caller caller, WorkingGroupDetails details)
    {
        var directory = await grains.ForMemberAsync(DialogueKey, caller);
        if (!directory.IsSecretariat(caller))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat creates working groups.");
        if (State.Exists)
            throw CollaborationException.Conflict($"A working group '{Key}' exists already.");
        var problems = new Problems();
        var (valid, chairs) = await ValidAsync(details, directory, problems);
        problems.ThrowIfAny();
        State.Exists = true;
        State.Details = valid;
        State.Chairs = chairs;
        return await SaveAsync(caller, directory);
    }

    public async Task<WorkingGroupView> GetAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        return View(caller, directory);
    }

    public async Task<WorkingGroupView> UpdateAsync(Caller caller, WorkingGroupDetails details, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        if (!directory.IsSecretariat(caller))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat changes a working group's mandate and members.");
        EnsureVersion(expectedVersion);
        var current = State.Details!;
        var merged = new WorkingGroupDetails(
            given.Pick("name", details.Name, current.Name),
            given.Pick("mandate", details.Mandate, current.Mandate),
            given.Pick("partnerStateCodes", details.PartnerStateCodes, current.PartnerStateCodes),
            given.Pick("organisationKeys", details.OrganisationKeys, current.OrganisationKeys),
            given.Pick("personIds", details.PersonIds, current.PersonIds),
            given.Pick("chairIds", details.ChairIds, current.ChairIds));
        var problems = new Problems();
        var (valid, chairs) = await ValidAsync(merged, directory, problems);
        problems.ThrowIfAny();
        State.Details = valid;
        State.Chairs = chairs;
        return await SaveAsync(caller, directory);
    }

    public async Task<WorkingGroupView> SetSeriesAsync(Caller caller, MeetingSeries series, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        var directory = await DirectoryAsync();
        EnsureManager(caller, directory);
        EnsureVersion(expectedVersion);
        var problems = new Problems();
        // A series that exists keeps what the change leaves out; a new one needs every field.
        if (State.Series is { } current)
        {
            series = new MeetingSeries(
                given.Pick("recurrenceRule", series.RecurrenceRule, current.RecurrenceRule),
                given.Pick("timeZone", series.TimeZone, current.TimeZone),
                given.Pick("firstStartsLocal", series.FirstStartsLocal, current.FirstStartsLocal),
                given.Pick("durationMinutes", series.DurationMinutes, current.DurationMinutes),
                given.Pick("hostCountry", series.HostCountry, current.HostCountry),
                given.Pick("city", series.City, current.City),
                given.Pick("venue", series.Venue, current.Venue),
                given.Pick("format", series.Format, current.Format),
                given.Pick("onlineMeetingUrl", series.OnlineMeetingUrl, current.OnlineMeetingUrl));
        }
        if (series.FirstStartsLocal == default)
            problems.Add("firstStartsLocal", "firstStartsLocal is required.", "REQUIRED");
        var valid = MeetingSeriesRule.Check(series, problems);
        var host = problems.Check(() => Validate.CountryCode(Validate.Required(valid.HostCountry, "hostCountry"), "hostCountry"));
        if (host is not null && directory.PartnerStates.All(s => s.Code != host))
            problems.Add("hostCountry", $"{host} is not a partner state of the dialogue.", "HOST_NOT_PARTNER_STATE", ("code", host));
        if (!problems.Any && MeetingSeriesRule.Occurrences(valid, valid.FirstStartsLocal, 1).Count == 0)
            problems.Add("recurrenceRule", "The rule gives no occurrence at all.", "RRULE_EMPTY");
        problems.ThrowIfAny();
        State.Series = valid with { HostCountry = host! };
        return await SaveAsync(caller, directory);
    }

    public async Task<WorkingGroupView> ScheduleOccurrencesAsync(Caller caller, int count, string? idempotencyKey = null)
    {
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, key))
            return await GetAsync(caller);
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        if (ScheduleRoleRefusal(caller, directory) is { } forbidden)
            throw forbidden;
        if (count is < 1 or > MaxScheduledAtOnce)
            throw CollaborationException.Validation($"Schedule 1 to {MaxScheduledAtOnce} meetings at a time.", "count", "COUNT_RANGE", ("max", MaxScheduledAtOnce));
        if (ScheduleStateRefusal() is { } invalid)
            throw invalid;
        var series = State.Series!;
        var zone = Validate.TimeZone(series.TimeZone);
        var nowLocal = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
        var held = State.Occurrences.Select(o => o.StartsLocal).ToHashSet();
        var next = MeetingSeriesRule.Occurrences(series, nowLocal > series.FirstStartsLocal ? nowLocal : series.FirstStartsLocal, count + held.Count)
            .Where(start => !held.Contains(start)).Take(count).ToList();

        // The key goes with the first occurrence's write: a retry after any of them schedules nothing more.
        RequestKeys.Remember(State.Requests, key);
        foreach (var start in next)
        {
            // The occurrence is recorded before its meeting is made, so a repeated call never makes it twice.
            var meetingId = Meetings.MeetingKey.New(DialogueKey);
            State.Occurrences.Add(new SeriesOccurrence(start, meetingId));
            State.Version++;
            await state.WriteOrForgetAsync();
            await MakeMeetingAsync(caller, directory, series, start, meetingId);
        }
        return await SaveAsync(caller, directory);
    }

    public async Task<WorkingGroupView> AddDocumentAsync(Caller caller, string title, string url, string? idempotencyKey = null)
    {
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, key))
            return await GetAsync(caller);
        var directory = await DirectoryAsync();
        EnsureManager(caller, directory);
        if (State.Documents.Count >= MaxDocuments)
            throw CollaborationException.Validation($"A working group holds at most {MaxDocuments} documents.", "document");
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http"))
            throw CollaborationException.Validation("A linked document needs an absolute http or https address.", "url", "INVALID_URL");
        State.Documents.Add(new GroupDocument(Guid.CreateVersion7().ToString("N"), Validate.Text(title, "title", 200), link.ToString(), clock.GetUtcNow()));
        RequestKeys.Remember(State.Requests, key);
        return await SaveAsync(caller, directory);
    }

    public async Task<WorkingGroupView> AddActionItemAsync(Caller caller, ActionItemInput item, string? idempotencyKey = null)
    {
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, key))
            return await GetAsync(caller);
        var directory = await DirectoryAsync();
        EnsureManager(caller, directory);
        if (State.ActionItems.Count >= MaxActionItems)
            throw CollaborationException.Validation($"A working group holds at most {MaxActionItems} action items.", "actionItem");
        var (title, person) = await CheckActionItemAsync(item, directory, keptDueDate: null);
        State.ActionItems.Add(new ActionItem(Guid.CreateVersion7().ToString("N"), title, person.Id, person.Profile.Name, item.DueDate, ActionItemStatus.Open, clock.GetUtcNow(), Source: item.Source));
        RequestKeys.Remember(State.Requests, key);
        var view = await SaveAsync(caller, directory);
        await this.RegisterOrUpdateReminder(ReminderName, settings.Value.ActionItemCheck, settings.Value.ActionItemCheck);
        return view;
    }

    public async Task<WorkingGroupView> UpdateActionItemAsync(Caller caller, string itemId, ActionItemInput item, int expectedVersion)
    {
        var directory = await DirectoryAsync();
        EnsureManager(caller, directory);
        var index = ActionItemIndex(itemId);
        EnsureVersion(expectedVersion);
        var current = State.ActionItems[index];
        var (title, person) = await CheckActionItemAsync(item, directory, keptDueDate: current.DueDate);
        // A new due date is reminded again before it comes.
        State.ActionItems[index] = current with
        {
            Title = title, OwnerId = person.Id, OwnerName = person.Profile.Name, DueDate = item.DueDate,
            Reminded = current.Reminded && item.DueDate == current.DueDate,
        };
        var view = await SaveAsync(caller, directory);
        if (current.Status is ActionItemStatus.Open or ActionItemStatus.InProgress)
            await this.RegisterOrUpdateReminder(ReminderName, settings.Value.ActionItemCheck, settings.Value.ActionItemCheck);
        return view;
    }

    /// <summary>Where the action item stands in the group's list; NOT_FOUND when the group has no such item.</summary>
    private int ActionItemIndex(string itemId) =>
        State.ActionItems.FindIndex(i => i.Id == itemId) is var index and >= 0
            ? index
            : throw CollaborationException.NotFound("The working group has no such action item.");

    /// <summary>
    /// An action item's title and owner as they will be stored, or every problem at once: a title, an owner who is a
    /// member of the group, and a due date not passed (unless it is the date the item has already).
    /// </summary>
    private async Task<(string Title, PersonView Owner)> CheckActionItemAsync(ActionItemInput item, DialogueView directory, DateOnly? keptDueDate)
    {
        var problems = new Problems();
        var title = problems.Check(() => Validate.Text(item.Title, "title", 500));
        var owner = directory.Members.FirstOrDefault(m => m.PersonId == item.OwnerId);
        var person = owner is not null && Summary().Includes(owner.PersonId, owner.Membership) ? await grains.GetGrain<IPersonGrain>(owner.PersonId).FindAsync() : null;
        if (person is null)
            problems.Add("ownerId", "The owner of an action item is a member of the working group.", "OWNER_NOT_MEMBER");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (item.DueDate < today && item.DueDate != keptDueDate)
            problems.Add("dueDate", "The due date has passed already.", "DUE_DATE_PASSED");
        problems.ThrowIfAny();
        return (title!, person!);
    }

    public async Task<WorkingGroupView> SetActionItemStatusAsync(Caller caller, string itemId, ActionItemStatus status, int expectedVersion)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var index = ActionItemIndex(itemId);
        var item = State.ActionItems[index];
        if (ActionItemRules.RoleRefusal(item, status, MayManage(caller, directory), caller.PersonId) is { } forbidden)
            throw forbidden;
        EnsureVersion(expectedVersion);
        if (ActionItemRules.StateRefusal(item, status) is { } invalid)
            throw invalid;
        // A reopened item is reminded again before its due date.
        State.ActionItems[index] = item with { Status = status, Reminded = status != ActionItemStatus.Open && item.Reminded };
        var view = await SaveAsync(caller, directory);
        if (status == ActionItemStatus.Open)
            await this.RegisterOrUpdateReminder(ReminderName, settings.Value.ActionItemCheck, settings.Value.ActionItemCheck);
        return view;
    }

    /// <summary>Only the secretariat turns the series into meetings.</summary>
    private static CollaborationException? ScheduleRoleRefusal(Caller caller, DialogueView directory) =>
        directory.IsSecretariat(caller) ? null : CollaborationException.Forbidden("Only the dialogue's secretariat schedules meetings.");

    /// <summary>There is nothing to schedule before the group has a series.</summary>
    private CollaborationException? ScheduleStateRefusal() =>
        State.Series is null ? CollaborationException.InvalidState("The group has no meeting series yet: set one first.") : null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!State.Exists || reminderName != ReminderName)
            return;
        var now = clock.GetUtcNow();
        var due = State.ActionItems
            .Select((item, index) => (item, index))
            .Where(x => ActionItemRules.IsOpen(x.item) && !x.item.Reminded
                && x.item.DueDate.ToDateTime(TimeOnly.MinValue) - now.UtcDateTime <= settings.Value.ActionItemReminder)
            .ToList();
        foreach (var (item, index) in due)
        {
            if (await grains.GetGrain<IPersonGrain>(item.OwnerId).FindAsync() is not { } owner)
                continue;
            State.ActionItems[index] = item with { Reminded = true };
            var (subject, body) = ReminderText(owner.Profile.PreferredLanguage, item, State.Details!.Name);
            State.PendingMail.Add(new OutboxItem(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Key}|action-item|{item.Id}|{item.DueDate}")).AsSpan(0, 16)),
                owner.Profile.Email, owner.Profile.Name, owner.Profile.PreferredLanguage, null, subject, body, PersonId: owner.Id));
        }
        if (due.Count > 0)
        {
            State.Version++;
            await state.WriteOrForgetAsync();
            await DispatchMailAsync();
            await PublishAsync();
        }
        if (!State.ActionItems.Any(i => ActionItemRules.IsOpen(i) && !i.Reminded)
            && await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private static (string Subject, string Body) ReminderText(string language, ActionItem item, string group) => language switch
    {
        "fr" => ($"Rappel : « {item.Title} » est dû le {item.DueDate:yyyy-MM-dd}",
            $"Dans le groupe de travail {group}, l'action « {item.Title} » qui vous est confiée est due le {item.DueDate:yyyy-MM-dd}."),
        "ar" => ($"تذكير: موعد «{item.Title}» هو {item.DueDate:yyyy-MM-dd}",
            $"في فريق العمل {group}، موعد إنجاز البند «{item.Title}» المسند إليكم هو {item.DueDate:yyyy-MM-dd}."),
        _ => ($"Reminder: '{item.Title}' is due on {item.DueDate:yyyy-MM-dd}",
            $"In the working group {group}, the action item '{item.Title}' you own is due on {item.DueDate:yyyy-MM-dd}."),
    };

    /// <summary>Creates, staffs, invites and schedules the meeting of one occurrence, as the secretariat caller.</summary>
    private async Task MakeMeetingAsync(Caller caller, DialogueView directory, MeetingSeries series, DateTime start, string meetingId)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var language = directory.Settings.WorkingLanguages[0];
        var end = start.AddMinutes(series.DurationMinutes);
        var details = new MeetingDetails(
            [new LocalizedText(language, $"{State.Details!.Name} — {start:yyyy-MM-dd}")],
            [new LocalizedText(language, State.Details.Mandate)],
            MeetingType.ExpertMeeting, null, series.HostCountry, series.City, series.Venue, series.TimeZone, start, end,
            directory.Settings.WorkingLanguages, false, null, MeetingVisibility.Participants, true, AttributionGuard.Warn,
            series.Format, series.OnlineMeetingUrl);
        var change = await meeting.CreateAsync(caller, MeetingDetailsForm.Of(details));
        change = await meeting.AddSessionAsync(caller, WorkingSessionInput.Of(State.Details.Name, start, end, [], null, null), change.Meeting.Version);
        var chairIds = State.Chairs.Select(c => c.PersonId).Take(directory.Settings.CoChairsPerMeeting).ToList();
        if (chairIds.Count > 0)
            change = await meeting.SetChairsAsync(caller, chairIds, [], change.Meeting.Version);
        // A group's member states take part through their people in the group, not through a delegation to nominate.
        var targets = State.Details.PartnerStateCodes
            .SelectMany(code => MeetingGrain.Expand(new InvitationTarget(PartnerStateCode: code), directory, []))
            .Select(member => new InvitationTarget(PersonId: member.PersonId))
            .Concat(State.Details.OrganisationKeys.Select(key => new InvitationTarget(OrganisationKey: key)))
            .Concat(State.Details.PersonIds.Select(id => new InvitationTarget(PersonId: id)))
            .ToList();
        if (targets.Count > 0)
            await meeting.InviteAsync(caller, targets);
        await meeting.ScheduleAsync(caller, chairedByCoChairs: false);
    }

    /// <summary>A group's details checked field by field (each bad field recorded), with its chairs as meetings show them.</summary>
    private async Task<(WorkingGroupDetails Details, List<MeetingPerson> Chairs)> ValidAsync(WorkingGroupDetails details, DialogueView directory, Problems problems)
    {
        var name = problems.Check(() => Validate.Text(details.Name, "name", 200)) ?? "";
        var mandate = problems.Check(() => Validate.Text(details.Mandate, "mandate", 8000)) ?? "";
        var states = (details.PartnerStateCodes ?? []).Select(c => problems.Check(() => Validate.CountryCode(c, "partnerStateCodes"))).OfType<string>().Distinct().ToList();
        foreach (var code in states.Where(c => directory.PartnerStates.All(s => s.Code != c)))
            problems.Add("partnerStateCodes", $"{code} is not a partner state of the dialogue.", "NOT_A_PARTNER_STATE", ("code", code));
        var organisations = (details.OrganisationKeys ?? []).Distinct().ToList();
        foreach (var key in organisations.Where(k => directory.PartnerAgencies.Concat(directory.Observers).All(o => o.Key != k)))
            problems.Add("organisationKeys", $"'{key}' is not a partner agency or observer of the dialogue.", "UNKNOWN_ORGANISATION");
        var people = (details.PersonIds ?? []).Distinct().ToList();
        foreach (var id in people.Where(id => directory.Members.All(m => m.PersonId != id)))
            problems.Add("personIds", $"The person '{id}' is not a member of the dialogue.", "NOT_A_MEMBER");
        var chairs = new List<MeetingPerson>();
        foreach (var id in (details.ChairIds ?? []).Distinct())
        {
            var member = directory.Members.FirstOrDefault(m => m.PersonId == id);
            var person = member is null ? null : await grains.GetGrain<IPersonGrain>(id).FindAsync();
            if (member is null || person is null)
            {
                problems.Add("chairIds", $"The person '{id}' is not a member of the dialogue.", "NOT_A_MEMBER");
                continue;
            }
            var state = directory.PartnerStates.FirstOrDefault(s => s.Code == member.Membership.PartnerStateCode);
            chairs.Add(new MeetingPerson(id, person.Profile.Name, state?.Name ?? member.Membership.OrganisationKey, state?.RegionalGroup));
        }
        if (chairs.Count > 4)
            problems.Add("chairIds", "A working group has at most four chairs.", "TOO_MANY_CO_CHAIRS", ("max", 4));
        return (new WorkingGroupDetails(name, mandate, states, organisations, people, [.. chairs.Select(c => c.PersonId)]), chairs);
    }

    public async Task RefreshPersonAsync(string personId)
    {
        if (!State.Exists || await grains.GetGrain<IPersonGrain>(personId).FindAsync() is not { } person)
            return;
        var name = person.Profile.Name;
        if (!State.Chairs.Any(c => c.PersonId == personId && c.Name != name) && !State.ActionItems.Any(i => i.OwnerId == personId && i.OwnerName != name))
            return;
        State.Chairs = [.. State.Chairs.Select(c => c.PersonId == personId ? c with { Name = name } : c)];
        State.ActionItems = [.. State.ActionItems.Select(i => i.OwnerId == personId ? i with { OwnerName = name } : i)];
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
    }

    public async Task ErasePersonAsync(Caller caller, string personId)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        var details = State.Details;
        // A group that never named the person is left as it is: its version, which editors hold, does not move.
        if (!State.Exists || details is null
            || !(details.PersonIds.Contains(personId) || details.ChairIds.Contains(personId) || State.ActionItems.Any(i => i.OwnerId == personId)))
            return;
        State.Details = details with
        {
            PersonIds = [.. details.PersonIds.Where(id => id != personId)],
            ChairIds = [.. details.ChairIds.Where(id => id != personId)],
        };
        State.Chairs.RemoveAll(c => c.PersonId == personId);
        State.ActionItems = [.. State.ActionItems.Select(i => i.OwnerId == personId ? i with { OwnerName = ErasedPerson.Name } : i)];
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
    }

    private async Task<WorkingGroupView> SaveAsync(Caller caller, DialogueView directory)
    {
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
        return View(caller, directory);
    }

    private async Task DispatchMailAsync()
    {
        if (await OutboxHandOver.TryAsync(grains, State.PendingMail, state.WriteOrForgetAsync) is { } failure)
            LogDispatchFailed(logger, failure, Key, State.PendingMail.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working group {GroupId}: {Count} reminder(s) not yet handed to the outbox; they are handed over at its next activation")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string groupId, int count);

    private Task PublishAsync() => grains.GetGrain<IWorkingGroupIndexGrain>(DialogueKey).UpsertAsync(Summary());

    private WorkingGroupSummary Summary()
    {
        var d = State.Details!;
        return new WorkingGroupSummary(Key, d.Name, d.PartnerStateCodes, d.OrganisationKeys, d.PersonIds, d.ChairIds, State.Series,
            [.. State.Occurrences.Select(o => o.StartsLocal)], State.Version, [.. State.ActionItems.Where(ActionItemRules.IsOpen)]);
    }

    private Task<DialogueView> DirectoryAsync() => DirectoryOrNotFoundAsync(grains, DialogueKey);

    private static async Task<DialogueView> DirectoryOrNotFoundAsync(IGrainFactory grains, string dialogueKey) =>
        await grains.GetGrain<IDialogueGrain>(dialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{dialogueKey}'.");

    /// <summary>Who manages the group's series, documents and action items: its chairs and the secretariat.</summary>
    private bool MayManage(Caller caller, DialogueView directory) =>
        directory.IsSecretariat(caller) || State.Chairs.Any(c => c.PersonId == caller.PersonId);

    /// <summary>A group is for its dialogue's members; to anyone else it does not exist.</summary>
    private void EnsureVisible(Caller caller, DialogueView directory)
    {
        if (!State.Exists || !directory.Sees(caller))
            throw CollaborationException.NotFound($"There is no working group '{Key}'.");
    }

    private void EnsureManager(Caller caller, DialogueView directory)
    {
        EnsureVisible(caller, directory);
        if (!MayManage(caller, directory))
            throw CollaborationException.Forbidden("Only the group's chairs or the secretariat change its series, documents and action items.");
    }

    private void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != State.Version)
            throw CollaborationException.Conflict($"The working group changed meanwhile (version {State.Version}, not {expectedVersion}); reload it and try again.", "expectedVersion");
    }

    private WorkingGroupView View(Caller caller, DialogueView directory)
    {
        // Overdue: still open or in progress after its due date, as of today.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var manager = MayManage(caller, directory);
        var secretariat = directory.IsSecretariat(caller);
        return new(
            Key, DialogueKey, State.Details!, [.. State.Chairs], State.Series, [.. State.Occurrences],
            [.. State.ActionItems.Select(i => i with
            {
                Overdue = ActionItemRules.IsOpen(i) && i.DueDate < today,
                ViewerMayMoveTo = ActionItemRules.MovesFor(i, manager, caller.PersonId),
            })],
            [.. State.Documents], State.Version, manager,
            new WorkingGroupPermissions(
                Update: secretariat,
                SetSeries: manager,
                ScheduleMeetings: ScheduleRoleRefusal(caller, directory) is null && ScheduleStateRefusal() is null,
                AddDocument: manager,
                AddActionItem: manager));
    }
}

[GenerateSerializer, Alias("collaboration.working-group-index-state")]
public sealed class WorkingGroupIndexState
{
    [Id(0)] public Dictionary<string, WorkingGroupSummary> Groups { get; set; } = [];
}

/// <summary>A dialogue's working groups as summaries, kept current by each group.</summary>
public sealed class WorkingGroupIndexGrain(
    [PersistentState("working-group-index", StorageNames.Grains)] IPersistentState<WorkingGroupIndexState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IWorkingGroupIndexGrain
{
    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller)
    {
        var key = this.GetPrimaryKeyString();
        if (await grains.GetGrain<IDialogueGrain>(key).GetDirectoryAsync() is not { } directory || !directory.Sees(caller))
            return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // What waits for the owner: an item they may still take to Done themself.
        return [.. state.State.Groups.Values.SelectMany(group => (group.OpenActionItems ?? [])
            .Where(item => item.OwnerId == caller.PersonId
                && ActionItemRules.RoleRefusal(item, ActionItemStatus.Done, manager: false, caller.PersonId) is null
                && ActionItemRules.StateRefusal(item, ActionItemStatus.Done) is null)
            .Select(item => new AgendaItem(AgendaItemKind.ActionItem, AgendaAction.CompleteActionItem, item.Id, group.Id, key, item.Title, null, item.DueDate, item.DueDate < today)))];
    }

    public async Task UpsertAsync(WorkingGroupSummary summary)
    {
        if (state.State.Groups.TryGetValue(summary.Id, out var held) && held.Version >= summary.Version)
            return;
        state.State.Groups[summary.Id] = summary;
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<WorkingGroupSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WorkingGroupSummary>>([.. state.State.Groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal)]);
}
