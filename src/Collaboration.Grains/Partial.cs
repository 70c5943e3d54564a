namespace Collaboration;

/// <summary>
/// Changes that name their fields: a field the caller named takes the value sent (null clears it where that
/// makes sense), every other keeps its value. No silent overwrite of what the caller did not send.
/// </summary>
public static class Partial
{
    /// <summary>The value sent when <paramref name="given"/> names the field (or is null: everything sent), else the kept one.</summary>
    public static T Pick<T>(this IReadOnlyList<string>? given, string field, T sent, T kept) =>
        given is null || given.Contains(field) ? sent : kept;
}
