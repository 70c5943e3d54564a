namespace Collaboration.People;

/// <summary>A person's profile and access tokens; only the person (or an administrator) changes them.</summary>
public sealed class PersonGrain(
    [PersistentState("person", StorageNames.Grains)] IPersistentState<PersonState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IPersonGrain
{
    /// <summary>How many access tokens one person may hold at once.</summary>
    public const int MaxAccessTokens = 20;

    private PersonState State => state.State;

    public async Task<PersonView> CreateAsync(PersonProfile profile, bool isAdministrator)
    {
        if (State.Profile is not null)
            return View();
        State.Profile = Validate.Profile(profile);
        State.IsAdministrator = isAdministrator;
        State.Version = 1;
        await state.WriteOrForgetAsync();
        return View();
    }

    public Task<PersonView?> FindAsync() => Task.FromResult(State.Profile is null ? null : View());

    public async Task<PersonView> UpdateProfileAsync(Caller caller, PersonProfile profile, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        EnsureSelfOrAdministrator(caller);
        var current = State.Profile!;
        var merged = new PersonProfile(
            given.Pick("name", profile.Name, current.Name),
            given.Pick("email", profile.Email, current.Email),
            given.Pick("preferredLanguage", profile.PreferredLanguage, current.PreferredLanguage),
            given.Pick("organisation", profile.Organisation, current.Organisation),
            given.Pick("jobTitle", profile.JobTitle, current.JobTitle),
            given.Pick("timeZone", profile.TimeZone, current.TimeZone));
        var problems = new Problems();
        var valid = Validate.Profile(merged, problems);
        if (!problems.Has("email") && valid.Email != current.Email)
            problems.Add("email", "The email address signs the person in and cannot be changed here.", "EMAIL_FIXED");
        problems.ThrowIfAny();
        if (expectedVersion != State.Version)
            throw CollaborationException.Conflict("The profile changed since you read it; reload and try again.", "expectedVersion");
        var renamed = valid.Name != current.Name;
        State.Profile = valid;
        State.Version++;
        await state.WriteOrForgetAsync();
        if (renamed)
            await ShowNewNameAsync(valid.Name);
        return View();
    }

    /// <summary>
    /// Dialogues keep their members' names (for the notes' attribution guard); meetings and working groups copy
    /// the names of the people they name: each learns the new one.
    /// </summary>
    private async Task ShowNewNameAsync(string name)
    {
        var personId = this.GetPrimaryKeyString();
        foreach (var key in await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync())
        {
            var dialogue = grains.GetGrain<IDialogueGrain>(key);
            if (await dialogue.GetMembershipAsync(personId) is null)
                continue;
            await dialogue.RenameMemberAsync(personId, name);
            foreach (var meetingId in await grains.GetGrain<IMeetingCatalogGrain>(key).MeetingsNamingAsync(personId))
                await grains.GetGrain<IMeetingGrain>(meetingId).RefreshPersonAsync(personId);
            foreach (var group in await grains.GetGrain<IWorkingGroupIndexGrain>(key).ListAsync())
                await grains.GetGrain<IWorkingGroupGrain>(group.Id).RefreshPersonAsync(personId);
        }
    }

    public Task<IReadOnlyList<AccessTokenView>> GetAccessTokensAsync(Caller caller)
    {
        EnsureSelf(caller);
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<AccessTokenView>>(
            [.. State.AccessTokens.Where(t => t.ExpiresAt > now).Select(ToView)]);
    }

    public async Task<AccessTokenView> AddAccessTokenAsync(Caller caller, string name, string tokenHash, DateTimeOffset expiresAt)
    {
        EnsureSelf(caller);
        var validName = Validate.Text(name, "name", 100);
        var now = clock.GetUtcNow();
        State.AccessTokens.RemoveAll(t => t.ExpiresAt <= now);
        if (State.AccessTokens.Count >= MaxAccessTokens)
            throw CollaborationException.InvalidState($"You hold {MaxAccessTokens} access tokens already; revoke one first.");
        var stored = new StoredAccessToken(Guid.CreateVersion7().ToString("N"), validName, tokenHash, now, expiresAt);
        State.AccessTokens.Add(stored);
        await state.WriteOrForgetAsync();
        return ToView(stored);
    }

    public async Task ReplaceCalendarFeedAsync(Caller caller, string? tokenHash)
    {
        EnsureSelf(caller);
        if (State.CalendarFeedHash is { } previous)
            await grains.GetGrain<ICredentialGrain>(previous).RevokeAsync();
        State.CalendarFeedHash = tokenHash;
        await state.WriteOrForgetAsync();
    }

    public async Task RevokeAccessTokenAsync(Caller caller, string tokenId)
    {
        EnsureSelf(caller);
        var stored = State.AccessTokens.Find(t => t.Id == tokenId)
            ?? throw CollaborationException.NotFound($"You hold no access token with the id '{tokenId}'.");
        // Revoke the credential first: if the list update is lost, the token is still dead.
        await grains.GetGrain<ICredentialGrain>(stored.TokenHash).RevokeAsync();
        State.AccessTokens.Remove(stored);
        await state.WriteOrForgetAsync();
    }

    public Task<PersonalRecord> ExportAsync(Caller caller)
    {
        EnsureSelfOrAdministrator(caller);
        var now = clock.GetUtcNow();
        return Task.FromResult(new PersonalRecord(
            this.GetPrimaryKeyString(), State.Profile!, State.IsAdministrator,
            [.. State.AccessTokens.Where(t => t.ExpiresAt > now).Select(ToView)], State.CalendarFeedHash is not null));
    }

    public async Task<PersonProfile> EraseAsync(Caller caller)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        if (State.Profile is null)
            throw CollaborationException.NotFound("There is no such person.");
        if (caller.PersonId == this.GetPrimaryKeyString())
            throw CollaborationException.InvalidState("An administrator cannot erase themself; another administrator can.");
        // Credentials die first: if the rest is lost, nobody can act as the person any more.
        foreach (var token in State.AccessTokens)
            await grains.GetGrain<ICredentialGrain>(token.TokenHash).RevokeAsync();
        if (State.CalendarFeedHash is { } feed)
            await grains.GetGrain<ICredentialGrain>(feed).RevokeAsync();
        var erased = State.Profile;
        await state.ClearStateAsync();
        return erased;
    }

    private void EnsureSelf(Caller caller)
    {
        if (State.Profile is null || caller.PersonId != this.GetPrimaryKeyString())
            throw CollaborationException.NotFound("There is no such person.");
    }

    private void EnsureSelfOrAdministrator(Caller caller)
    {
        if (State.Profile is null || (caller.PersonId != this.GetPrimaryKeyString() && !caller.IsAdministrator))
            throw CollaborationException.NotFound("There is no such person.");
    }


    private static AccessTokenView ToView(StoredAccessToken t) => new(t.Id, t.Name, t.CreatedAt, t.ExpiresAt);

    private PersonView View() => new(this.GetPrimaryKeyString(), State.Profile!, State.IsAdministrator, State.Version);
}
