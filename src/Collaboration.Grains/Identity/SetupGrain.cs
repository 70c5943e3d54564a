namespace Collaboration.Identity;

[GenerateSerializer, Alias("collaboration.setup-state")]
public sealed class SetupState
{
    [Id(0)] public string? TokenHash { get; set; }
    [Id(1)] public string? AdministratorId { get; set; }
}

/// <summary>The first-administrator setup: one open link at a time, usable once, closed for good after.</summary>
public sealed class SetupGrain(
    [PersistentState("setup", StorageNames.Grains)] IPersistentState<SetupState> state,
    IGrainFactory grains) : Grain, ISetupGrain
{
    public Task<bool> IsCompleteAsync() => Task.FromResult(state.State.AdministratorId is not null);

    public async Task OpenAsync(string tokenHash)
    {
        if (state.State.AdministratorId is not null)
            throw CollaborationException.InvalidState("Setup is complete: an administrator exists.");
        state.State.TokenHash = tokenHash;
        await state.WriteOrForgetAsync();
    }

    public async Task<string> CompleteAsync(string tokenHash, PersonProfile administrator)
    {
        if (state.State.AdministratorId is not null || state.State.TokenHash is null
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(tokenHash), System.Text.Encoding.ASCII.GetBytes(state.State.TokenHash)))
            throw CollaborationException.Unauthenticated("This setup link is not valid: it was used already or replaced by a newer one.");

        var email = Validate.Email(administrator.Email);
        var person = await grains.GetGrain<IAccountGrain>(email).EnsurePersonAsync(administrator, isAdministrator: true);
        if (!person.IsAdministrator)
            throw CollaborationException.Conflict("That address already belongs to a person who is not an administrator.", "email");
        state.State.AdministratorId = person.Id;
        state.State.TokenHash = null;
        await state.WriteOrForgetAsync();
        return person.Id;
    }
}
