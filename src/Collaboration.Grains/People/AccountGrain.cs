namespace Collaboration.People;

[GenerateSerializer, Alias("collaboration.account-state")]
public sealed class AccountState
{
    [Id(0)] public string? PersonId { get; set; }
}

/// <summary>Binds one email address to one person.</summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IGrainFactory grains) : Grain, IAccountGrain
{
    public Task<string?> FindPersonAsync() => Task.FromResult(state.State.PersonId);

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
