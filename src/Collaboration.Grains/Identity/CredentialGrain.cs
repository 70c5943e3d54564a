namespace Collaboration.Identity;

[GenerateSerializer, Alias("collaboration.credential-state")]
public sealed class CredentialState
{
    [Id(0)] public CredentialGrant? Grant { get; set; }
    [Id(1)] public bool Spent { get; set; }
}

/// <summary>One hashed secret: single use for sign-in links; valid until expiry or revocation otherwise.</summary>
public sealed class CredentialGrain(
    [PersistentState("credential", StorageNames.Grains)] IPersistentState<CredentialState> state,
    TimeProvider clock) : Grain, ICredentialGrain
{
    public async Task IssueAsync(CredentialGrant grant)
    {
        if (state.State.Grant is not null)
            throw CollaborationException.Conflict("This credential was issued already.");
        state.State.Grant = grant;
        await state.WriteOrForgetAsync();
    }

    public async Task<CredentialGrant> RedeemAsync()
    {
        var grant = state.State.Grant;
        if (grant is not { Kind: CredentialKind.SignInLink } || state.State.Spent || grant.ExpiresAt <= clock.GetUtcNow())
            throw CollaborationException.Unauthenticated(
                "This sign-in link is not valid: it may have expired or been used already. Ask for a new one.");
        state.State.Spent = true;
        await state.WriteOrForgetAsync();
        return grant;
    }

    public Task<CredentialGrant?> ValidateAsync(CredentialKind kind)
    {
        var grant = state.State.Grant;
        var valid = grant is not null && grant.Kind == kind && !state.State.Spent && grant.ExpiresAt > clock.GetUtcNow();
        if (!valid && grant is null)
            DeactivateOnIdle(); // Unknown tokens must not pile up as activations.
        return Task.FromResult(valid ? grant : null);
    }

    public async Task RevokeAsync()
    {
        if (state.State.Grant is null || state.State.Spent)
            return;
        state.State.Spent = true;
        await state.WriteOrForgetAsync();
    }
}
