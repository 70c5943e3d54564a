namespace Collaboration.Exchanges;

[GenerateSerializer, Alias("collaboration.priority-registry-state")]
public sealed class PriorityRegistryState
{
    [Id(0)] public List<Priority> Priorities { get; set; } = [];
    [Id(1)] public int Version { get; set; }
    /// <summary>The idempotency keys of creating requests done here (see <see cref="RequestKeys"/>).</summary>
    [Id(2)] public List<string> Requests { get; set; } = [];
}

/// <summary>
/// A partner state's registry of priorities: needs and offers by topic of the dialogue's taxonomy, each with
/// a description, languages and contact experts of that state. Its focal points and the secretariat keep it.
/// </summary>
public sealed class PriorityRegistryGrain(
    [PersistentState("priority-registry", StorageNames.Grains)] IPersistentState<PriorityRegistryState> state,
    IGrainFactory grains) : Grain, IPriorityRegistryGrain
{
    public const int MaxPriorities = 200;

    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => Meetings.MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no registry '{Key}'.");

    private string StateCode => Key[(Key.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public async Task<PriorityRegistryView> GetAsync(Caller caller) => View(caller, await VisibleAsync(caller));

    public async Task<PriorityRegistryView> AddAsync(Caller caller, PriorityInput priority, int expectedVersion, string? idempotencyKey = null)
    {
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(state.State.Requests, key))
            return await GetAsync(caller);
        var directory = await EditableAsync(caller, expectedVersion);
        if (state.State.Priorities.Count >= MaxPriorities)
            throw CollaborationException.Validation($"A registry holds at most {MaxPriorities} priorities.", "priority");
        var problems = new Problems();
        var topics = directory.Settings.Topics ?? [];
        var topic = priority.Topic?.Trim() ?? "";
        if (!topics.Contains(topic))
            problems.Add("topic", $"'{topic}' is not a topic of the dialogue ({string.Join(", ", topics)}).", "UNKNOWN_TOPIC");
        if (!Enum.IsDefined(priority.Kind))
            problems.Add("kind", "A priority is a need or an offer.", "REQUIRED");
        var languages = (priority.Languages ?? []).Select(l => problems.Check(() => Validate.LanguageCode(l, "languages"))).OfType<string>().Distinct().ToList();
        var experts = new List<MeetingPerson>();
        foreach (var id in (priority.ContactExpertIds ?? []).Distinct())
        {
            var member = directory.Members.FirstOrDefault(m => m.PersonId == id);
            var person = member?.Membership.PartnerStateCode == StateCode ? await grains.GetGrain<IPersonGrain>(id).FindAsync() : null;
            if (person is null)
                problems.Add("contactExpertIds", "Contact experts are members of the dialogue from this partner state.", "EXPERT_NOT_OF_STATE");
            else
                experts.Add(new MeetingPerson(id, person.Profile.Name, directory.PartnerStates.First(s => s.Code == StateCode).Name, null));
        }
        var description = problems.Check(() => Validate.Text(priority.Description, "description", 4000));
        problems.ThrowIfAny();
        state.State.Priorities.Add(new Priority(Guid.CreateVersion7().ToString("N"), priority.Kind, topic, description!, languages, experts));
        RequestKeys.Remember(state.State.Requests, key);
        return await SaveAsync(caller);
    }

    public async Task<PriorityRegistryView> RemoveAsync(Caller caller, string priorityId, int expectedVersion)
    {
        await EditableAsync(caller, expectedVersion);
        if (state.State.Priorities.RemoveAll(p => p.Id == priorityId) == 0)
            throw CollaborationException.NotFound("The registry has no such priority.");
        return await SaveAsync(caller);
    }

    public async Task ErasePersonAsync(Caller caller, string personId)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        if (!state.State.Priorities.Any(p => p.ContactExperts.Any(e => e.PersonId == personId)))
            return;
        state.State.Priorities = [.. state.State.Priorities.Select(p => p with { ContactExperts = [.. p.ContactExperts.Where(e => e.PersonId != personId)] })];
        await SaveAsync(caller);
    }

    private async Task<PriorityRegistryView> SaveAsync(Caller caller)
    {
        state.State.Version++;
        await state.WriteOrForgetAsync();
        await grains.GetGrain<IPriorityIndexGrain>(DialogueKey).UpsertAsync(StateCode, [.. state.State.Priorities], state.State.Version);
        return View(caller, await VisibleAsync(caller));
    }

    /// <summary>The registry of a partner state of the dialogue, for its members; NOT_FOUND for anyone else.</summary>
    private async Task<DialogueView> VisibleAsync(Caller caller)
    {
        var directory = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync();
        if (directory is null || directory.PartnerStates.All(s => s.Code != StateCode)
            || !(caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId)))
            throw CollaborationException.NotFound($"There is no registry of priorities '{Key}'.");
        return directory;
    }

    private async Task<DialogueView> EditableAsync(Caller caller, int expectedVersion)
    {
        var directory = await VisibleAsync(caller);
        if (!MayEdit(caller, directory))
            throw CollaborationException.Forbidden("Only the focal points of this partner state and the secretariat keep its registry of priorities.");
        if (expectedVersion != state.State.Version)
            throw CollaborationException.Conflict($"The registry changed meanwhile (version {state.State.Version}, not {expectedVersion}); reload it.", "expectedVersion");
        return directory;
    }

    private bool MayEdit(Caller caller, DialogueView directory) =>
        caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId
            && (m.Membership.Roles.Contains(DialogueRole.Secretariat)
                || (m.Membership.Roles.Contains(DialogueRole.FocalPoint) && m.Membership.PartnerStateCode == StateCode)));

    private PriorityRegistryView View(Caller caller, DialogueView directory) =>
        new(StateCode, [.. state.State.Priorities], state.State.Version, MayEdit(caller, directory));
}

[GenerateSerializer, Alias("collaboration.priority-index-state")]
public sealed class PriorityIndexState
{
    [Id(0)] public Dictionary<string, List<Priority>> ByState { get; set; } = [];
    [Id(1)] public Dictionary<string, int> Versions { get; set; } = [];
}

public sealed class PriorityIndexGrain(
    [PersistentState("priority-index", StorageNames.Grains)] IPersistentState<PriorityIndexState> state) : Grain, IPriorityIndexGrain
{
    public async Task UpsertAsync(string partnerStateCode, IReadOnlyList<Priority> priorities, int version)
    {
        if (state.State.Versions.TryGetValue(partnerStateCode, out var held) && held >= version)
            return;
        state.State.ByState[partnerStateCode] = [.. priorities];
        state.State.Versions[partnerStateCode] = version;
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Priority>>> AllAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Priority>>>(
            state.State.ByState.ToDictionary(p => p.Key, p => (IReadOnlyList<Priority>)p.Value, StringComparer.Ordinal));
}
