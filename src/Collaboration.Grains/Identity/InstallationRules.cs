namespace Collaboration.Identity;

/// <summary>
/// Who administers the installation: creates dialogues, looks into and retries the outbox, exports anyone's
/// personal data and erases people. The grains that do these check here, and the viewer's flags are read here.
/// </summary>
public static class InstallationRules
{
    /// <summary>Whether the caller administers the installation.</summary>
    public static bool MayAdminister(Caller caller) => caller.IsAdministrator;

    /// <summary>What the caller may do across the installation.</summary>
    public static InstallationPermissions Permissions(Caller caller)
    {
        var administrator = MayAdminister(caller);
        return new InstallationPermissions(administrator, administrator, administrator, administrator, administrator);
    }
}
