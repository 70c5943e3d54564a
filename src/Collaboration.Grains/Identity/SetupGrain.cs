namespace Collaboration.Identity;

[GenerateSerializer, Alias("collaboration.setup-state")]
public sealed class SetupState
{
    [Id(0)] public string? TokenHash { get; set; }
    [Id(1)] public string? AdministratorId { get; set; }

    /// <summary>The setup links still open (their hashes), newest last.</summary>
    [Id(2)] public List<string> OpenHashes { get; set; } = [];
}

/// <summary>
/// The first-administrator setup: each start of a server opens a link (in a cluster, each silo prints one);
/// the last <see cref="OpenLinks"/> stay usable until one of them is used, then setup is closed for good.
/// </summary>
public sealed class SetupGrain(
    [PersistentState("setup", StorageNames.Grains)] IPersistentState<SetupState> state,
    IGrainFactory grains) : Grain, ISetupGrain
{
    /// <summary>How many printed setup links stay usable at once.</summary>
    public const int OpenLinks = 5;

    public Task<bool> IsCompleteAsync() => Task.FromResult(state.State.AdministratorId is not null);

    public async Task OpenAsync(string tokenHash)
    {
        if (state.State.AdministratorId is not null)
            throw CollaborationException.InvalidState("Setup is complete: an administrator exists.");
        state.State.TokenHash = null;
        state.State.OpenHashes.Add(tokenHash);
        if (state.State.OpenHashes.Count > OpenLinks)
            state.State.OpenHashes.RemoveRange(0, state.State.OpenHashes.Count - OpenLinks);
        await state.WriteOrForgetAsync();
    }

    public async Task<string> CompleteAsync(string tokenHash, PersonProfile administrator)
    {
        var given = System.Text.Encoding.ASCII.GetBytes(tokenHash);
        var open = state.State.OpenHashes.Concat(state.State.TokenHash is { } legacy ? [legacy] : [])
            .Any(h => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, System.Text.Encoding.ASCII.GetBytes(h)));
        if (state.State.AdministratorId is not null || !open)
            throw CollaborationException.Unauthenticated("This setup link is not valid: setup is complete, or the link is older than the last five printed.");

        var email = Validate.Email(administrator.Email);
        var person = await grains.GetGrain<IAccountGrain>(email).EnsurePersonAsync(administrator, isAdministrator: true);
        if (!person.IsAdministrator)
            throw CollaborationException.Conflict("That address already belongs to a person who is not an administrator.", "email");
        state.State.AdministratorId = person.Id;
        state.State.TokenHash = null;
        state.State.OpenHashes.Clear();
        await state.WriteOrForgetAsync();
        return person.Id;
    }
}
