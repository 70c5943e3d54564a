namespace Collaboration.People;

/// <summary>
/// A person's personal data on request, across every grain that holds some: its export (the person, or an
/// administrator) and its erasure (an administrator). It holds no state (any silo answers); each grain it asks
/// decides what the caller may read and erases its own part.
/// </summary>
[Alias("collaboration.personal-data")]
public interface IPersonalDataGrain : IGrainWithIntegerKey
{
    /// <summary>Everything the installation holds about the person that the caller may read, as a JSON document.</summary>
    [Alias("export")]
    Task<string> ExportAsync(Caller caller, string personId);

    /// <summary>
    /// Erases the person (administrators), confirmed by their email address: meetings, working groups, exchanges,
    /// registries and memberships first, the person and their account last, so a failed run can be repeated.
    /// </summary>
    [Alias("erase")]
    Task EraseAsync(Caller caller, string personId, string confirmEmail);
}
