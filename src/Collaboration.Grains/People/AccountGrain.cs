namespace Collaboration.People;

[GenerateSerializer, Alias("collaboration.account-state")]
public sealed class AccountState
{
    [Id(0)] public string? PersonId { get; set; }
}

/// <summary>Binds one email address to one person.</summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IAccountGrain
{
    /// <summary>How many sign-in links one address may be sent per hour.</summary>
    public const int SignInLinksPerHour = 5;

    // Kept in memory: a restart forgets it, which only lets a few more links through once.
    private readonly Queue<DateTimeOffset> _recentLinks = new();

    public Task<bool> AllowSignInLinkAsync()
    {
        var now = clock.GetUtcNow();
        while (_recentLinks.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromHours(1))
            _recentLinks.Dequeue();
        if (_recentLinks.Count >= SignInLinksPerHour)
            return Task.FromResult(false);
        _recentLinks.Enqueue(now);
        return Task.FromResult(true);
    }

    public Task<string?> FindPersonAsync() => Task.FromResult(state.State.PersonId);

    public async Task ForgetAsync(string personId)
    {
        if (state.State.PersonId == personId)
            await state.ClearStateAsync();
    }

    public async Task<PersonView> EnsurePersonAsync(PersonProfile profile, bool isAdministrator)
    {
        var email = Validate.Email(profile.Email);
        if (email != this.GetPrimaryKeyString())
            throw CollaborationException.Validation("The profile's address does not match this account.", "email");
        if (state.State.PersonId is null)
        {
            // Bind the address first: a crash before the person is written leaves an id that the next call completes.
            state.State.PersonId = Guid.CreateVersion7().ToString("N");
            await state.WriteOrForgetAsync();
        }
        return await grains.GetGrain<IPersonGrain>(state.State.PersonId).CreateAsync(profile with { Email = email }, isAdministrator);
    }
}
