namespace Collaboration.Errors;

/// <summary>
/// A refusal by a rule: bad input, a missing object, a forbidden call, a conflict.
/// Grains throw it before writing anything, so a refused call changes nothing.
/// </summary>
[GenerateSerializer, Alias("collaboration.error")]
public sealed class CollaborationException : Exception
{
    public CollaborationException(ErrorCode code, string message, string? field = null, string? reason = null, Dictionary<string, string>? values = null)
        : base(message)
    {
        Code = code;
        Field = field;
        Reason = reason;
        Values = values;
    }

    /// <summary>What kind of refusal this is.</summary>
    [Id(0)]
    public ErrorCode Code { get; private set; }

    /// <summary>The input field the message is about, when there is one.</summary>
    [Id(1)]
    public string? Field { get; private set; }

    /// <summary>
    /// What exactly was refused, as a stable key (ENDS_BEFORE_START, TOO_LONG, …) with its values, so a client
    /// can say it in the user's language; the message says it in English.
    /// </summary>
    [Id(2)]
    public string? Reason { get; private set; }

    [Id(3)]
    public Dictionary<string, string>? Values { get; private set; }

    public static CollaborationException Validation(string message, string? field = null) => new(ErrorCode.Validation, message, field);

    /// <summary>Bad input with a reason key (and its values) that clients translate.</summary>
    public static CollaborationException Validation(string message, string field, string reason, params (string Name, object Value)[] values) =>
        new(ErrorCode.Validation, message, field, reason, ValuesOf(values));

    /// <summary>A refusal of the object's state with a reason key (and its values) that clients translate.</summary>
    public static CollaborationException InvalidState(string message, string reason, params (string Name, object Value)[] values) =>
        new(ErrorCode.InvalidState, message, null, reason, ValuesOf(values));

    public static CollaborationException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static CollaborationException Forbidden(string message) => new(ErrorCode.Forbidden, message);

    public static CollaborationException Unauthenticated(string message) => new(ErrorCode.Unauthenticated, message);

    public static CollaborationException Conflict(string message, string? field = null) => new(ErrorCode.Conflict, message, field);

    public static CollaborationException InvalidState(string message) => new(ErrorCode.InvalidState, message);

    private static Dictionary<string, string>? ValuesOf((string Name, object Value)[] values) =>
        values.Length == 0 ? null : values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
