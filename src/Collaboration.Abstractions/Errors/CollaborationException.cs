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

    /// <summary>The values the reason's sentence needs (<c>max</c> for TOO_LONG, …).</summary>
    [Id(3)]
    public Dictionary<string, string>? Values { get; private set; }

    /// <summary>
    /// Every bad field of the input, when the refusal is about an input (a VALIDATION of one field or several).
    /// <see cref="Field"/>, <see cref="Reason"/> and <see cref="Values"/> repeat the first, for clients that read one.
    /// </summary>
    [Id(4)]
    public IReadOnlyList<FieldProblem>? Problems { get; private set; }

    /// <summary>This refusal's bad fields: its <see cref="Problems"/>, or itself as one problem when it names a field.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems =>
        Problems ?? (Field is null ? [] : [new FieldProblem(Field, Reason, Message, Values)]);

    /// <summary>Bad input in several fields at once: one refusal carrying every problem, nothing written.</summary>
    public static CollaborationException Validation(IReadOnlyList<FieldProblem> problems)
    {
        if (problems.Count == 0)
            throw new ArgumentException("A refusal of an input names at least one problem.", nameof(problems));
        var first = problems[0];
        var message = problems.Count == 1
            ? first.Message
            : $"{problems.Count} fields need attention: " + string.Join(" ", problems.Select(p => p.Message));
        return new(ErrorCode.Validation, message, first.Field, first.Reason, first.Values is null ? null : new Dictionary<string, string>(first.Values))
        {
            Problems = problems,
        };
    }

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
