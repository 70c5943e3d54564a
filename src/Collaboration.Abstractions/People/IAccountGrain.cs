namespace Collaboration.People;

/// <summary>
/// The account behind one email address (keyed by the address in lower case): which person signs in with it.
/// One address belongs to one person.
/// </summary>
[Alias("collaboration.account")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The person signing in with this address, or null when none does.</summary>
    [Alias("find")]
    Task<string?> FindPersonAsync();

    /// <summary>
    /// The person signing in with this address, created from the profile when there is none yet.
    /// Safe to repeat: a retried call after a crash finishes the same person rather than making a second.
    /// </summary>
    [Alias("ensure")]
    Task<PersonView> EnsurePersonAsync(PersonProfile profile, bool isAdministrator);

    /// <summary>
    /// Whether another sign-in link may be mailed to this address now: at most five an hour, so nobody can
    /// flood a person's mailbox by asking for links in their name.
    /// </summary>
    [Alias("allow-sign-in-link")]
    Task<bool> AllowSignInLinkAsync();

    /// <summary>Unbinds the address from an erased person, so it signs nobody in; a later account for it is a new person.</summary>
    [Alias("forget")]
    Task ForgetAsync(string personId);
}
