namespace Collaboration.Identity;

/// <summary>The secrets a person can hold; each is stored only as the SHA-256 hash of its value.</summary>
public enum CredentialKind
{
    /// <summary>A single-use link mailed to a person (or printed once for the first administrator).</summary>
    SignInLink,

    /// <summary>The browser session behind the HttpOnly cookie.</summary>
    Session,

    /// <summary>A personal access token for scripts, sent as a bearer token.</summary>
    AccessToken,

    /// <summary>The secret in a person's calendar subscription address; it reads their meetings and nothing else.</summary>
    CalendarFeed,
}
