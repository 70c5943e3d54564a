namespace Collaboration.Dialogues;

/// <summary>A dialogue and its directory; every rule about who may see and change it lives here.</summary>
public sealed class DialogueGrain(
    [PersistentState("dialogue", StorageNames.Grains)] IPersistentState<DialogueState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IDialogueGrain
{
    /// <summary>The most lines one import may have.</summary>
    public const int MaxImportRows = 5000;

    private DialogueState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Dialogues stored before member names were kept here learn them once.
        var missing = State.Exists ? State.Members.Keys.Where(id => !State.MemberNames.ContainsKey(id)).ToList() : [];
        if (missing.Count == 0)
            return;
        foreach (var batch in missing.Chunk(100))
        {
            var people = await Task.WhenAll(batch.Select(id => grains.GetGrain<IPersonGrain>(id).FindAsync()));
            foreach (var person in people.OfType<PersonView>())
                State.MemberNames[person.Id] = person.Profile.Name;
        }
        await state.WriteOrForgetAsync();
    }

    public async Task<DialogueView> CreateAsync(Caller caller, DialogueSettings settings)
    {
        if (!InstallationRules.MayAdminister(caller))
            throw CollaborationException.Forbidden("Only an administrator may create a dialogue.");
        Validate.Key(Key, "key");
        var valid = ValidSettings(settings);
        if (State.Exists)
            throw CollaborationException.Conflict($"A dialogue with the key '{Key}' already exists.", "key");

        await grains.GetGrain<IDialogueRegistryGrain>(0).RegisterAsync(Key);
        State.Exists = true;
        State.Settings = valid;
        return await SaveAsync();
    }

    public Task<DialogueView> GetAsync(Caller caller)
    {
        EnsureVisibleTo(caller);
        return Task.FromResult(View());
    }

    public Task<DialoguePermissions> GetPermissionsAsync(Caller caller)
    {
        EnsureVisibleTo(caller);
        return Task.FromResult(View().Permissions(caller));
    }

    public Task<Membership?> GetMembershipAsync(string personId) =>
        Task.FromResult(State.Exists ? State.Members.GetValueOrDefault(personId) : null);

    public Task<DialogueView?> GetDirectoryAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<ImportReport> ImportMembersAsync(Caller caller, IReadOnlyList<MemberImportRow> rows, bool dryRun)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        if (rows.Count == 0)
            throw CollaborationException.Validation("The import has no lines.", "csv");
        if (rows.Count > MaxImportRows)
            throw CollaborationException.Validation($"An import takes at most {MaxImportRows} lines; split the file.", "csv");

        var problems = new List<ImportProblem>();
        var valid = new List<(PersonProfile Person, Membership Membership)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            try
            {
                var person = Validate.Profile(row.Person);
                var membership = ValidMembership(row.Membership);
                if (seen.TryGetValue(person.Email, out var first))
                    throw CollaborationException.Validation($"{person.Email} is already on line {first}.", "email");
                seen[person.Email] = row.Line;
                valid.Add((person, membership));
            }
            catch (CollaborationException e)
            {
                problems.Add(new ImportProblem(row.Line, e.Field, e.Message));
            }
        }
        if (problems.Count > 0 || dryRun)
            return new ImportReport(dryRun, problems, 0);

        // People first, memberships after: a failure while creating people leaves the dialogue as it was.
        var people = new List<(PersonView Person, Membership Membership)>();
        foreach (var (person, membership) in valid)
            people.Add((await grains.GetGrain<IAccountGrain>(person.Email).EnsurePersonAsync(person, isAdministrator: false), membership));
        var members = new Dictionary<string, Membership>(State.Members);
        foreach (var (person, membership) in people)
            members[person.Id] = membership;
        if (!members.Values.Any(m => m.Roles.Contains(DialogueRole.Secretariat)))
            throw CollaborationException.InvalidState("The import would leave the dialogue without a secretariat member.");
        State.Members = members;
        foreach (var (person, _) in people)
            State.MemberNames[person.Id] = person.Profile.Name;
        await SaveAsync();
        return new ImportReport(false, [], valid.Count);
    }

    public Task<DialogueView> UpdateSettingsAsync(Caller caller, DialogueSettings settings, int expectedVersion)
    {
        EnsureSecretariat(caller, expectedVersion);
        var valid = ValidSettings(settings);
        var orphaned = State.PartnerStates.Where(s => !valid.RegionalGroups.Contains(s.RegionalGroup)).Select(s => s.Code).ToList();
        if (orphaned.Count > 0)
            throw CollaborationException.Validation(
                $"Partner states {string.Join(", ", orphaned)} belong to a regional group this change removes; move them first.",
                "regionalGroups");
        State.Settings = valid;
        return SaveAsync();
    }

    public Task<DialogueView> AddPartnerStateAsync(Caller caller, PartnerState partnerState)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var valid = ValidPartnerState(partnerState);
        if (State.PartnerStates.Any(s => s.Code == valid.Code))
            throw CollaborationException.Conflict($"{valid.Code} is already a partner state of this dialogue.", "code");
        State.PartnerStates.Add(valid);
        State.PartnerStates.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return SaveAsync();
    }

    public Task<DialogueView> UpdatePartnerStateAsync(Caller caller, PartnerState partnerState, int expectedVersion)
    {
        EnsureSecretariat(caller, expectedVersion);
        var valid = ValidPartnerState(partnerState);
        var index = State.PartnerStates.FindIndex(s => s.Code == valid.Code);
        if (index < 0)
            throw CollaborationException.NotFound($"{valid.Code} is not a partner state of this dialogue.");
        State.PartnerStates[index] = valid;
        return SaveAsync();
    }

    public Task<DialogueView> RemovePartnerStateAsync(Caller caller, string code, int expectedVersion)
    {
        EnsureSecretariat(caller, expectedVersion);
        var upper = Validate.CountryCode(code);
        if (!State.PartnerStates.Any(s => s.Code == upper))
            throw CollaborationException.NotFound($"{upper} is not a partner state of this dialogue.");
        if (State.Members.Values.Any(m => m.PartnerStateCode == upper))
            throw CollaborationException.InvalidState($"Members still represent {upper}; change or remove them first.");
        State.PartnerStates.RemoveAll(s => s.Code == upper);
        return SaveAsync();
    }

    public Task<DialogueView> AddOrganisationAsync(Caller caller, OrganisationKind kind, Organisation organisation)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var valid = new Organisation(
            Validate.Key(organisation.Key, "key"),
            Validate.Text(organisation.Name, "name"),
            Validate.OptionalText(organisation.Acronym, "acronym", 32),
            Validate.Year(organisation.YearJoined, clock.GetUtcNow().Year));
        if (FindOrganisation(valid.Key) is not null)
            throw CollaborationException.Conflict($"An organisation with the key '{valid.Key}' is already in this dialogue.", "key");
        var list = kind == OrganisationKind.PartnerAgency ? State.PartnerAgencies : State.Observers;
        list.Add(valid);
        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return SaveAsync();
    }

    public Task<DialogueView> RemoveOrganisationAsync(Caller caller, string key, int expectedVersion)
    {
        EnsureSecretariat(caller, expectedVersion);
        if (FindOrganisation(key) is null)
            throw CollaborationException.NotFound($"No partner agency or observer has the key '{key}' in this dialogue.");
        if (State.Members.Values.Any(m => m.OrganisationKey == key))
            throw CollaborationException.InvalidState($"Members still represent '{key}'; change or remove them first.");
        State.PartnerAgencies.RemoveAll(o => o.Key == key);
        State.Observers.RemoveAll(o => o.Key == key);
        return SaveAsync();
    }

    public async Task<DialogueView> AddMemberAsync(Caller caller, PersonProfile person, Membership membership)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var valid = ValidMembership(membership);
        var profile = Validate.Profile(person);
        var view = await grains.GetGrain<IAccountGrain>(profile.Email).EnsurePersonAsync(profile, isAdministrator: false);
        return await SetMemberAsync(caller, view.Id, valid);
    }

    public async Task<DialogueView> SetMemberAsync(Caller caller, string personId, Membership membership)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var valid = ValidMembership(membership);
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.NotFound($"No person has the id '{personId}'.");
        if (State.Members.TryGetValue(personId, out var current) && current.Roles.Contains(DialogueRole.Secretariat)
            && !valid.Roles.Contains(DialogueRole.Secretariat))
            EnsureAnotherSecretariatMember(personId);
        State.Members[personId] = valid;
        State.MemberNames[personId] = person.Profile.Name;
        return await SaveAsync();
    }

    public Task<DialogueView> RemoveMemberAsync(Caller caller, string personId, int expectedVersion)
    {
        EnsureSecretariat(caller, expectedVersion);
        if (!State.Members.TryGetValue(personId, out var current))
            throw CollaborationException.NotFound($"The person '{personId}' is not a member of this dialogue.");
        if (current.Roles.Contains(DialogueRole.Secretariat))
            EnsureAnotherSecretariatMember(personId);
        State.Members.Remove(personId);
        State.MemberNames.Remove(personId);
        return SaveAsync();
    }

    public async Task<bool> ErasePersonAsync(Caller caller, string personId)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        if (!State.Exists || !State.Members.Remove(personId))
            return false;
        State.MemberNames.Remove(personId);
        await SaveAsync();
        return true;
    }

    public Task<IReadOnlyList<string>> GetMemberNamesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(State.Exists ? [.. State.MemberNames.Values.Distinct()] : []);

    public async Task RenameMemberAsync(string personId, string name)
    {
        if (!State.Exists || !State.Members.ContainsKey(personId) || State.MemberNames.GetValueOrDefault(personId) == name)
            return;
        State.MemberNames[personId] = name;
        // A new version: whoever caches what the directory names (the notes' guard) reads it again.
        await SaveAsync();
    }

    private void EnsureAnotherSecretariatMember(string personId)
    {
        if (!State.Members.Any(m => m.Key != personId && m.Value.Roles.Contains(DialogueRole.Secretariat)))
            throw CollaborationException.InvalidState("A dialogue keeps at least one secretariat member.");
    }

    private void EnsureVisibleTo(Caller caller)
    {
        if (!State.Exists || !View().Sees(caller))
            throw CollaborationException.NotFound($"There is no dialogue '{Key}'.");
    }

    private void EnsureSecretariat(Caller caller, int? expectedVersion)
    {
        EnsureVisibleTo(caller);
        if (!View().IsSecretariat(caller))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat may change its directory.");
        if (expectedVersion is { } expected && expected != State.Version)
            throw CollaborationException.Conflict(
                $"The dialogue changed since you read it (version {expected}, now {State.Version}); reload and try again.",
                "expectedVersion");
    }

    private DialogueSettings ValidSettings(DialogueSettings settings)
    {
        var languages = settings.WorkingLanguages.Distinct().ToList();
        if (languages.Count == 0)
            throw CollaborationException.Validation("A dialogue needs at least one working language.", "workingLanguages");
        foreach (var language in languages)
            Validate.LanguageCode(language, "workingLanguages");
        var groups = settings.RegionalGroups.Select(g => Validate.Text(g, "regionalGroups", 60)).Distinct().ToList();
        if (groups.Count == 0)
            throw CollaborationException.Validation("A dialogue needs at least one regional group.", "regionalGroups");
        var pillars = (settings.Pillars ?? []).Select(p => Validate.Text(p, "pillars", 100)).Distinct().ToList();
        var topics = (settings.Topics ?? []).Select(t => Validate.Text(t, "topics", 100)).Distinct().ToList();
        if (topics.Count > 100)
            throw CollaborationException.Validation("A dialogue has at most 100 topics.", "topics");
        if (settings.CoChairsPerMeeting is < 1 or > 3)
            throw CollaborationException.Validation("A meeting has 1, 2 or 3 co-chairs.", "coChairsPerMeeting");
        return new DialogueSettings(
            Validate.Text(settings.Name, "name"),
            languages,
            groups,
            Validate.OptionalText(settings.Description, "description", 4000),
            pillars,
            settings.CoChairsPerMeeting,
            settings.StrictCoChairBalance,
            topics);
    }

    private PartnerState ValidPartnerState(PartnerState partnerState)
    {
        var group = Validate.Text(partnerState.RegionalGroup, "regionalGroup", 60);
        if (!State.Settings!.RegionalGroups.Contains(group))
            throw CollaborationException.Validation(
                $"'{group}' is not a regional group of this dialogue ({string.Join(", ", State.Settings.RegionalGroups)}).",
                "regionalGroup");
        var otherNames = (partnerState.OtherNames ?? []).Select(n => Validate.Text(n, "otherNames", 100)).Distinct().ToList();
        if (otherNames.Count > 10)
            throw CollaborationException.Validation("A partner state has at most ten other names.", "otherNames");
        return new PartnerState(
            Validate.CountryCode(partnerState.Code),
            Validate.Text(partnerState.Name, "name"),
            Validate.Year(partnerState.YearJoined, clock.GetUtcNow().Year),
            group,
            otherNames);
    }

    private Membership ValidMembership(Membership membership)
    {
        var roles = membership.Roles.Distinct().Order().ToList();
        if (roles.Count == 0)
            throw CollaborationException.Validation("A member holds at least one role.", "roles");

        string? stateCode = null;
        if (membership.PartnerStateCode is not null)
        {
            stateCode = Validate.CountryCode(membership.PartnerStateCode, "partnerStateCode");
            if (!State.PartnerStates.Any(s => s.Code == stateCode))
                throw CollaborationException.Validation($"{stateCode} is not a partner state of this dialogue.", "partnerStateCode");
        }
        if (stateCode is null && (roles.Contains(DialogueRole.FocalPoint) || roles.Contains(DialogueRole.Delegate)))
            throw CollaborationException.Validation("Focal points and delegates represent a partner state: give its code.", "partnerStateCode");

        var organisation = membership.OrganisationKey is null ? null : FindOrganisation(membership.OrganisationKey)
            ?? throw CollaborationException.Validation($"'{membership.OrganisationKey}' is not a partner agency or observer of this dialogue.", "organisationKey");
        if (roles.Contains(DialogueRole.Agency) && (organisation is null || !State.PartnerAgencies.Contains(organisation)))
            throw CollaborationException.Validation("An agency member represents one of the dialogue's partner agencies.", "organisationKey");
        if (roles.Contains(DialogueRole.Observer) && (organisation is null || !State.Observers.Contains(organisation)))
            throw CollaborationException.Validation("An observer member represents one of the dialogue's observers.", "organisationKey");

        var city = Validate.OptionalText(membership.City, "city", 100);
        if (roles.Contains(DialogueRole.CityOfficial) && city is null)
            throw CollaborationException.Validation("A city official names their city.", "city");

        return new Membership(roles, stateCode, organisation?.Key, city);
    }

    private Organisation? FindOrganisation(string key) =>
        State.PartnerAgencies.Find(o => o.Key == key) ?? State.Observers.Find(o => o.Key == key);

    private async Task<DialogueView> SaveAsync()
    {
        State.Version++;
        await state.WriteOrForgetAsync();
        return View();
    }

    private DialogueView? _view;

    /// <summary>
    /// The view of the stored state, built once per version (every change goes through SaveAsync, which
    /// grows the version). Each meeting read asks for it, and building it sorts and copies every member:
    /// the scale benchmark measured meeting reads slowing as a dialogue's members grew.
    /// </summary>
    private DialogueView View() => _view is { } view && view.Version == State.Version ? view : _view = BuildView();

    private DialogueView BuildView() => new(
        Key,
        State.Settings!,
        [.. State.PartnerStates],
        [.. State.PartnerAgencies],
        [.. State.Observers],
        [.. State.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new Member(m.Key, m.Value))],
        State.Version);
}
