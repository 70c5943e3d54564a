namespace Collaboration.People;

/// <summary>A person: profile, whether they administer the installation, and their access tokens.</summary>
[Alias("collaboration.person")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Creates the person once; a second call with the same id leaves the first profile in place.</summary>
    [Alias("create")]
    Task<PersonView> CreateAsync(PersonProfile profile, bool isAdministrator);

    /// <summary>The person, or null when no person has this id. A read that interleaves, so a grain the person calls may look them up.</summary>
    [Alias("find"), Orleans.Concurrency.AlwaysInterleave]
    Task<PersonView?> FindAsync();

    /// <summary>
    /// Changes the profile fields <paramref name="given"/> names (every one when null; the address never),
    /// keeping the others; only the person or an administrator may, at the version they saw. Every bad field is
    /// reported at once. A new name reaches the dialogues, meetings and working groups that show it.
    /// </summary>
    [Alias("update-profile")]
    Task<PersonView> UpdateProfileAsync(Caller caller, PersonProfile profile, int expectedVersion, IReadOnlyList<string>? given = null);

    /// <summary>Lists the person's own access tokens; nobody else may.</summary>
    [Alias("access-tokens")]
    Task<IReadOnlyList<AccessTokenView>> GetAccessTokensAsync(Caller caller);

    /// <summary>Records a new access token (already issued by its credential grain) in the person's list.</summary>
    [Alias("add-access-token")]
    Task<AccessTokenView> AddAccessTokenAsync(Caller caller, string name, string tokenHash, DateTimeOffset expiresAt);

    /// <summary>
    /// Replaces the person's calendar subscription secret (already issued by its credential grain): the
    /// previous address stops working. Null only revokes.
    /// </summary>
    [Alias("replace-calendar-feed")]
    Task ReplaceCalendarFeedAsync(Caller caller, string? tokenHash);

    /// <summary>Revokes one of the person's own access tokens and removes it from the list.</summary>
    [Alias("revoke-access-token")]
    Task RevokeAccessTokenAsync(Caller caller, string tokenId);

    /// <summary>Everything this grain holds about the person, for the person themself or an administrator (NOT_FOUND for anyone else).</summary>
    [Alias("export")]
    Task<PersonalRecord> ExportAsync(Caller caller);

    /// <summary>
    /// Erases the person (administrators only): every access token and the calendar feed stop working, the
    /// profile is deleted, and the person no longer exists for anyone. Answers the erased profile.
    /// </summary>
    [Alias("erase")]
    Task<PersonProfile> EraseAsync(Caller caller);
}
