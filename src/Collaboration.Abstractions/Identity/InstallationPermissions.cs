namespace Collaboration.Identity;

/// <summary>What the caller may do across the installation (administration), as the grains decide it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.installation-permissions")]
public sealed record InstallationPermissions(
    [property: Id(0)] bool CreateDialogue,
    [property: Id(1)] bool SeeOutbox,
    [property: Id(2)] bool RetryOutboxMessage,
    [property: Id(3)] bool ErasePerson,
    [property: Id(4)] bool ExportAnyPersonalData);
