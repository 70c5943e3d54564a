namespace Collaboration.Identity;

/// <summary>
/// The one-time setup of a fresh installation: until a first administrator exists, a single-use setup
/// link (stored hashed) lets one person become the secretariat administrator.
/// </summary>
[Alias("collaboration.setup")]
public interface ISetupGrain : IGrainWithIntegerKey
{
    /// <summary>Whether a first administrator has been created.</summary>
    [Alias("is-complete")]
    Task<bool> IsCompleteAsync();

    /// <summary>Opens another setup link with this hash (the last five stay usable); refused once setup is complete.</summary>
    [Alias("open")]
    Task OpenAsync(string tokenHash);

    /// <summary>
    /// Creates the first administrator when the hash matches the open setup link, and closes setup.
    /// Any other hash, or a second call, is refused.
    /// </summary>
    [Alias("complete")]
    Task<string> CompleteAsync(string tokenHash, PersonProfile administrator);
}
