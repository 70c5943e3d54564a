namespace Collaboration.Identity;

/// <summary>
/// Who is calling a grain. The host builds it from authentication claims; grains use it to check the
/// caller's role and never store it next to anything that must stay anonymous.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.caller")]
public sealed record Caller([property: Id(0)] string PersonId, [property: Id(1)] bool IsAdministrator)
{
    /// <summary>
    /// Says nothing about who: Orleans describes a grain call's arguments in some log lines (a call that
    /// timed out, for one), and a caller must never appear there beside a note.
    /// </summary>
    public override string ToString() => "(caller)";
}
