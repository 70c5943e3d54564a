namespace Collaboration.Errors;

/// <summary>
/// A refusal by a rule: bad input, a missing object, a forbidden call, a conflict.
/// Grains throw it before writing anything, so a refused call changes nothing.
/// </summary>
[GenerateSerializer, Alias("collaboration.error")]
public sealed class CollaborationException : Exception
{
    public CollaborationException(ErrorCode code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>What kind of refusal this is.</summary>
    [Id(0)]
    public ErrorCode Code { get; private set; }

    /// <summary>The input field the message is about, when there is one.</summary>
    [Id(1)]
    public string? Field { get; private set; }

    public static CollaborationException Validation(string message, string? field = null) => new(ErrorCode.Validation, message, field);

    public static CollaborationException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static CollaborationException Forbidden(string message) => new(ErrorCode.Forbidden, message);

    public static CollaborationException Unauthenticated(string message) => new(ErrorCode.Unauthenticated, message);

    public static CollaborationException Conflict(string message, string? field = null) => new(ErrorCode.Conflict, message, field);

    public static CollaborationException InvalidState(string message) => new(ErrorCode.InvalidState, message);
}
