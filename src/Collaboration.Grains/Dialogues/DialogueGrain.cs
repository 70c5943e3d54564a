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
        await TieTypedCitiesAsync();
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

    /// <summary>
    /// Memberships stored when a city was typed as text are tied to the dialogue's city of that name, once there
    /// is one; a name that matches no city stays as it was typed.
    /// </summary>
    private async Task TieTypedCitiesAsync()
    {
        var typed = State.Exists ? State.Members.Where(m => m.Value.City is not null && m.Value.CityId is null).ToList() : [];
        if (typed.Count == 0)
            return;
        var cities = await grains.GetGrain<ICityIndexGrain>(Key).GetCitiesAsync();
        var tied = false;
        foreach (var (personId, membership) in typed)
        {
            if (cities.FirstOrDefault(c => string.Equals(c.Name, membership.City!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } city)
            {
                State.Members[personId] = membership with { CityId = city.Id, City = city.Name };
                tied = true;
            }
        }
        if (tied)
            await SaveAsync();
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

    public async Task<ImportReport> ImportMembersAsync(Caller caller, IReadOnlyList<MemberImportRow> rows, bool dryRun, IReadOnlyList<ImportProblem>? unreadable = null)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        unreadable ??= [];
        if (rows.Count == 0 && unreadable.Count == 0)
            throw CollaborationException.Validation("The import has no lines.", "csv");
        if (rows.Count > MaxImportRows)
            throw CollaborationException.Validation($"An import takes at most {MaxImportRows} lines; split the file.", "csv");

        // Lines that could not be read are reported with the others, so one report names every bad line.
        var problems = new List<ImportProblem>(unreadable);
        var valid = new List<(PersonProfile Person, Membership Membership)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cities = await grains.GetGrain<ICityIndexGrain>(Key).GetCitiesAsync();
        foreach (var row in rows)
        {
            // Every bad field of a line is reported, not only the first.
            var found = new Problems();
            var person = Validate.Profile(row.Person, found);
            var membership = ValidMembership(row.Membership, cities, found, "city");
            if (!found.Has("email") && seen.TryGetValue(person.Email, out var first))
                found.Add("email", $"{person.Email} is already on line {first}.", "DUPLICATE_EMAIL", ("line", first));
            try
            {
                found.ThrowIfAny();
                seen[person.Email] = row.Line;
                valid.Add((person, membership));
            }
            catch (CollaborationException e)
            {
                problems.AddRange(e.FieldProblems.Select(p => new ImportProblem(row.Line, p.Field, p.Message, p.Reason, p.Values)));
            }
        }
        if (problems.Count > 0 || dryRun)
            return new ImportReport(dryRun, [.. problems.OrderBy(p => p.Line)], 0);

        // People first, memberships after: a failure while creating people leaves the dialogue as it was.
        var people = new List<(PersonView Person, Membership Membership)>();
        foreach (var (person, membership) in valid)
            people.Add((await grains.GetGrain<IAccountGrain>(person.Email).EnsurePersonAsync(person, isAdministrator: false), membership));
        var members = new Dictionary<string, Membership>(State.Members);
        foreach (var (person, membership) in people)
            members[person.Id] = membership;
        if (!members.Values.Any(m => m.Roles.Contains(DialogueRole.Secretariat)))
            throw CollaborationException.InvalidState("The import would leave the dialogue without a secretariat member.");
        var before = State.Members;
        State.Members = members;
        foreach (var (person, _) in people)
            State.MemberNames[person.Id] = person.Profile.Name;
        await SaveAsync();
        await TellOfNewFocalPointsAsync(people.Select(p => (before.GetValueOrDefault(p.Person.Id), p.Membership)));
        return new ImportReport(false, [], valid.Count);
    }

    public Task<DialogueView> UpdateSettingsAsync(Caller caller, DialogueSettings settings, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        EnsureSecretariat(caller, expectedVersion);
        var current = State.Settings!;
        var merged = new DialogueSettings(
            given.Pick("name", settings.Name, current.Name),
            given.Pick("workingLanguages", settings.WorkingLanguages, current.WorkingLanguages),
            given.Pick("regionalGroups", settings.RegionalGroups, current.RegionalGroups),
            given.Pick("description", settings.Description, current.Description),
            given.Pick("pillars", settings.Pillars, current.Pillars),
            given.Pick("coChairsPerMeeting", settings.CoChairsPerMeeting, current.CoChairsPerMeeting),
            given.Pick("strictCoChairBalance", settings.StrictCoChairBalance, current.StrictCoChairBalance),
            given.Pick("topics", settings.Topics, current.Topics),
            given.Pick("coChairPairing", settings.CoChairPairing, current.CoChairPairing));
        var problems = new Problems();
        var valid = ValidSettings(merged, problems);
        var orphaned = State.PartnerStates.Where(s => !valid.RegionalGroups.Contains(s.RegionalGroup)).Select(s => s.Code).ToList();
        if (orphaned.Count > 0 && !problems.Has("regionalGroups"))
            problems.Add("regionalGroups", $"Partner states {string.Join(", ", orphaned)} belong to a regional group this change removes; move them first.",
                "REGIONAL_GROUP_IN_USE", ("codes", string.Join(", ", orphaned)));
        problems.ThrowIfAny();
        State.Settings = valid;
        return SaveAsync();
    }

    public Task<DialogueView> AddPartnerStateAsync(Caller caller, PartnerState partnerState)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var problems = new Problems();
        var valid = ValidPartnerState(partnerState, problems);
        problems.ThrowIfAny();
        if (State.PartnerStates.Any(s => s.Code == valid.Code))
            throw CollaborationException.Conflict($"{valid.Code} is already a partner state of this dialogue.", "code");
        State.PartnerStates.Add(valid);
        State.PartnerStates.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return SaveAsync();
    }

    public Task<DialogueView> UpdatePartnerStateAsync(Caller caller, PartnerState partnerState, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        EnsureSecretariat(caller, expectedVersion);
        var code = Validate.CountryCode(partnerState.Code);
        var index = State.PartnerStates.FindIndex(s => s.Code == code);
        if (index < 0)
            throw CollaborationException.NotFound($"{code} is not a partner state of this dialogue.");
        var current = State.PartnerStates[index];
        var merged = new PartnerState(
            code,
            given.Pick("name", partnerState.Name, current.Name),
            given.Pick("yearJoined", partnerState.YearJoined, current.YearJoined),
            given.Pick("regionalGroup", partnerState.RegionalGroup, current.RegionalGroup),
            given.Pick("otherNames", partnerState.OtherNames, current.OtherNames));
        var problems = new Problems();
        var valid = ValidPartnerState(merged, problems);
        problems.ThrowIfAny();
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
        var problems = new Problems();
        var valid = new Organisation(
            problems.Check(() => Validate.Key(organisation.Key, "key")) ?? "",
            problems.Check(() => Validate.Text(organisation.Name, "name")) ?? "",
            problems.Check(() => Validate.OptionalText(organisation.Acronym, "acronym", 32)),
            problems.Check(() => Validate.Year(organisation.YearJoined, clock.GetUtcNow().Year)));
        problems.ThrowIfAny();
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
        var problems = new Problems();
        var cities = await grains.GetGrain<ICityIndexGrain>(Key).GetCitiesAsync();
        var valid = ValidMembership(membership, cities, problems);
        var profile = Validate.Profile(person, problems);
        problems.ThrowIfAny();
        var view = await grains.GetGrain<IAccountGrain>(profile.Email).EnsurePersonAsync(profile, isAdministrator: false);
        return await SetMemberAsync(caller, view.Id, valid);
    }

    public async Task<string> AddDelegateAsync(Caller caller, string partnerStateCode, PersonProfile person)
    {
        EnsureVisibleTo(caller);
        var code = partnerStateCode?.Trim().ToUpperInvariant() ?? "";
        if (State.PartnerStates.All(s => s.Code != code))
            throw CollaborationException.Validation($"'{partnerStateCode}' is not a partner state of the dialogue.", "partnerStateCode", "NOT_A_PARTNER_STATE", ("code", code));
        var view = View();
        if (!view.IsSecretariat(caller) && !view.IsFocalPointOf(caller, code))
            throw CollaborationException.Forbidden("Only the state's focal points and the secretariat add its delegates.");
        var problems = new Problems();
        var profile = Validate.Profile(person, problems);
        problems.ThrowIfAny();
        var existing = await grains.GetGrain<IAccountGrain>(profile.Email).FindPersonAsync();
        if (existing is not null && State.Members.TryGetValue(existing, out var membership))
        {
            if (membership.PartnerStateCode == code
                && (membership.Roles.Contains(DialogueRole.Delegate) || membership.Roles.Contains(DialogueRole.FocalPoint)))
                return existing;
            throw CollaborationException.Validation($"{profile.Email} belongs to someone who represents something else in the dialogue.",
                "email", "NOT_OF_THE_STATE", ("partnerStateCode", code));
        }
        var added = await grains.GetGrain<IAccountGrain>(profile.Email).EnsurePersonAsync(profile, isAdministrator: false);
        State.Members[added.Id] = new Membership([DialogueRole.Delegate], code);
        State.MemberNames[added.Id] = added.Profile.Name;
        await SaveAsync();
        return added.Id;
    }

    public async Task<DialogueView> SetMemberAsync(Caller caller, string personId, Membership membership, IReadOnlyList<string>? given = null)
    {
        EnsureSecretariat(caller, expectedVersion: null);
        var current = State.Members.GetValueOrDefault(personId) ?? new Membership([]);
        // A city chosen anew replaces the typed name an older membership kept; one left out keeps it.
        var cityGiven = given is null || given.Contains("cityId");
        var merged = new Membership(
            given.Pick("roles", membership.Roles, current.Roles),
            given.Pick("partnerStateCode", membership.PartnerStateCode, current.PartnerStateCode),
            given.Pick("organisationKey", membership.OrganisationKey, current.OrganisationKey),
            cityGiven ? membership.City : current.City,
            cityGiven ? membership.CityId : current.CityId);
        var problems = new Problems();
        var valid = ValidMembership(merged, await grains.GetGrain<ICityIndexGrain>(Key).GetCitiesAsync(), problems, keptCity: cityGiven ? null : current.City);
        problems.ThrowIfAny();
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.NotFound($"No person has the id '{personId}'.");
        if (State.Members.TryGetValue(personId, out var was) && was.Roles.Contains(DialogueRole.Secretariat)
            && !valid.Roles.Contains(DialogueRole.Secretariat))
            EnsureAnotherSecretariatMember(personId);
        State.Members[personId] = valid;
        State.MemberNames[personId] = person.Profile.Name;
        var view = await SaveAsync();
        await TellOfNewFocalPointsAsync([(current, valid)]);
        return view;
    }

    /// <summary>
    /// Tells the dialogue's meetings of the states these changes gave a new focal point, so an announced meeting still
    /// awaiting such a state's nominations asks them as it asked those there before. One-way: the catalog and the
    /// meetings read this grain back. Lost with a crash in between; the person then finds the request on their page.
    /// </summary>
    private Task TellOfNewFocalPointsAsync(IEnumerable<(Membership? Was, Membership Now)> changes)
    {
        var states = changes
            .Where(c => c.Now.Roles.Contains(DialogueRole.FocalPoint) && c.Now.PartnerStateCode is not null
                && !(c.Was?.Roles.Contains(DialogueRole.FocalPoint) == true && c.Was.PartnerStateCode == c.Now.PartnerStateCode))
            .Select(c => c.Now.PartnerStateCode!).Distinct().ToList();
        return states.Count == 0 ? Task.CompletedTask : grains.GetGrain<IMeetingCatalogGrain>(Key).NewFocalPointsAsync(states);
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
        var problems = new Problems();
        var valid = ValidSettings(settings, problems);
        problems.ThrowIfAny();
        return valid;
    }

    /// <summary>The settings checked field by field; each bad field is recorded (the answer is then not to be used).</summary>
    private static DialogueSettings ValidSettings(DialogueSettings settings, Problems problems)
    {
        var languages = (settings.WorkingLanguages ?? []).Distinct().ToList();
        if (languages.Count == 0)
            problems.Add("workingLanguages", "A dialogue needs at least one working language.", "REQUIRED");
        languages = [.. languages.Where(l => problems.Check(() => Validate.LanguageCode(l, "workingLanguages")) is not null)];
        var groups = (settings.RegionalGroups ?? []).Select(g => problems.Check(() => Validate.Text(g, "regionalGroups", 60))).OfType<string>().Distinct().ToList();
        if (groups.Count == 0 && !problems.Has("regionalGroups"))
            problems.Add("regionalGroups", "A dialogue needs at least one regional group.", "REQUIRED");
        var pillars = (settings.Pillars ?? []).Select(p => problems.Check(() => Validate.Text(p, "pillars", 100))).OfType<string>().Distinct().ToList();
        var topics = (settings.Topics ?? []).Select(t => problems.Check(() => Validate.Text(t, "topics", 100))).OfType<string>().Distinct().ToList();
        if (topics.Count > 100)
            problems.Add("topics", "A dialogue has at most 100 topics.", "TOO_MANY", ("max", 100));
        if (settings.CoChairsPerMeeting is < 1 or > 3)
            problems.Add("coChairsPerMeeting", "A meeting has 1, 2 or 3 co-chairs.", "CO_CHAIRS_RANGE", ("min", 1), ("max", 3));
        var pairing = (settings.CoChairPairing ?? []).Select(g => problems.Check(() => Validate.Text(g, "coChairPairing", 60))).OfType<string>().ToList();
        if (pairing.Count != 0 && (pairing.Count != 2 || pairing[0] == pairing[1]))
            problems.Add("coChairPairing", "A pairing names two different regional groups, one co-chair from each.", "CO_CHAIR_PAIRING_TWO_GROUPS");
        else if (pairing.FirstOrDefault(g => !groups.Contains(g)) is { } unknown && !problems.Has("regionalGroups"))
            problems.Add("coChairPairing", $"'{unknown}' is not a regional group of this dialogue ({string.Join(", ", groups)}).",
                "UNKNOWN_REGIONAL_GROUP", ("groups", string.Join(", ", groups)));
        else if (pairing.Count == 2 && settings.CoChairsPerMeeting < 2 && !problems.Has("coChairsPerMeeting"))
            problems.Add("coChairPairing", "A pairing needs at least two co-chairs per meeting.", "CO_CHAIR_PAIRING_TWO_GROUPS");
        return new DialogueSettings(
            problems.Check(() => Validate.Text(settings.Name, "name")) ?? "",
            languages,
            groups,
            problems.Check(() => Validate.OptionalText(settings.Description, "description", 4000)),
            pillars,
            settings.CoChairsPerMeeting,
            settings.StrictCoChairBalance,
            topics,
            pairing);
    }

    private PartnerState ValidPartnerState(PartnerState partnerState, Problems problems)
    {
        var group = problems.Check(() => Validate.Text(partnerState.RegionalGroup, "regionalGroup", 60));
        if (group is not null && !State.Settings!.RegionalGroups.Contains(group))
            problems.Add("regionalGroup", $"'{group}' is not a regional group of this dialogue ({string.Join(", ", State.Settings.RegionalGroups)}).",
                "UNKNOWN_REGIONAL_GROUP", ("groups", string.Join(", ", State.Settings.RegionalGroups)));
        var otherNames = (partnerState.OtherNames ?? []).Select(n => problems.Check(() => Validate.Text(n, "otherNames", 100))).OfType<string>().Distinct().ToList();
        if (otherNames.Count > 10)
            problems.Add("otherNames", "A partner state has at most ten other names.", "TOO_MANY", ("max", 10));
        return new PartnerState(
            problems.Check(() => Validate.CountryCode(partnerState.Code)) ?? "",
            problems.Check(() => Validate.Text(partnerState.Name, "name")) ?? "",
            problems.Check(() => Validate.Year(partnerState.YearJoined, clock.GetUtcNow().Year)),
            group ?? "",
            otherNames);
    }

    /// <summary>
    /// A membership checked field by field (each bad field recorded): roles, and the partner state,
    /// organisation or city it represents. A city is one of the dialogue's cities, by id, or by name for a line
    /// of an import; <paramref name="keptCity"/> is a typed name an older membership keeps unchanged.
    /// </summary>
    private Membership ValidMembership(Membership membership, IReadOnlyList<CitySummary> cities, Problems problems, string cityField = "cityId", string? keptCity = null)
    {
        var roles = (membership.Roles ?? []).Distinct().Order().ToList();
        if (roles.Count == 0)
            problems.Add("roles", "A member holds at least one role.", "REQUIRED");

        string? stateCode = null;
        if (membership.PartnerStateCode is not null)
        {
            stateCode = problems.Check(() => Validate.CountryCode(membership.PartnerStateCode, "partnerStateCode"));
            if (stateCode is not null && !State.PartnerStates.Any(s => s.Code == stateCode))
                problems.Add("partnerStateCode", $"{stateCode} is not a partner state of this dialogue.", "NOT_A_PARTNER_STATE", ("code", stateCode));
        }
        else if (roles.Contains(DialogueRole.FocalPoint) || roles.Contains(DialogueRole.Delegate))
            problems.Add("partnerStateCode", "Focal points and delegates represent a partner state: give its code.", "REQUIRED");

        var organisation = membership.OrganisationKey is null ? null : FindOrganisation(membership.OrganisationKey);
        if (membership.OrganisationKey is not null && organisation is null)
            problems.Add("organisationKey", $"'{membership.OrganisationKey}' is not a partner agency or observer of this dialogue.", "UNKNOWN_ORGANISATION");
        else if (roles.Contains(DialogueRole.Agency) && (organisation is null || !State.PartnerAgencies.Contains(organisation)))
            problems.Add("organisationKey", "An agency member represents one of the dialogue's partner agencies.", organisation is null ? "REQUIRED" : "NOT_AN_AGENCY");
        else if (roles.Contains(DialogueRole.Observer) && (organisation is null || !State.Observers.Contains(organisation)))
            problems.Add("organisationKey", "An observer member represents one of the dialogue's observers.", organisation is null ? "REQUIRED" : "NOT_AN_OBSERVER");

        string? cityId = null, cityName = null;
        if (membership.CityId is { } id)
        {
            if (cities.FirstOrDefault(c => c.Id == id) is { } city)
                (cityId, cityName) = (city.Id, city.Name);
            else
                problems.Add(cityField, $"'{id}' is not a city of this dialogue.", "UNKNOWN_CITY");
        }
        else if (membership.City is { } typed && typed == keptCity)
            cityName = typed;
        else if (membership.City is { } name && !string.IsNullOrWhiteSpace(name))
        {
            // A city given by its name (an import's column) must be one of the dialogue's cities.
            if (cities.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } city)
                (cityId, cityName) = (city.Id, city.Name);
            else
                problems.Add(cityField, $"'{name.Trim()}' is not a city of this dialogue; the secretariat adds cities first.", "UNKNOWN_CITY");
        }
        if (roles.Contains(DialogueRole.CityOfficial) && cityName is null && !problems.Has(cityField))
            problems.Add(cityField, "A city official represents one of the dialogue's cities: choose it.", "REQUIRED");

        return new Membership(roles, stateCode, organisation?.Key, cityName, cityId);
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
