namespace Collaboration.Identity;

/// <summary>
/// One secret, keyed by the hex SHA-256 hash of its value: the value itself is never stored. A sign-in link
/// is redeemed once; a session or access token is valid until it expires or is revoked.
/// </summary>
[Alias("collaboration.credential")]
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Records a new secret for a person; refuses to reuse a hash that already holds one.</summary>
    [Alias("issue")]
    Task IssueAsync(CredentialGrant grant);

    /// <summary>Redeems a sign-in link once: a second redemption, an expired or unknown link is refused.</summary>
    [Alias("redeem")]
    Task<CredentialGrant> RedeemAsync();

    /// <summary>The grant behind a session or access token when it is still valid; otherwise null.</summary>
    [Alias("validate")]
    Task<CredentialGrant?> ValidateAsync(CredentialKind kind);

    /// <summary>Ends a session or access token; later validation fails. Idempotent.</summary>
    [Alias("revoke")]
    Task RevokeAsync();
}

/// <summary>What a secret grants: who it signs in, until when, and (for tokens) its listed id.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.credential-grant")]
public sealed record CredentialGrant(
    [property: Id(0)] CredentialKind Kind,
    [property: Id(1)] string PersonId,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] string? TokenId = null);
