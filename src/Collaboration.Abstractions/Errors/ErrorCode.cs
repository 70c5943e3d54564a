namespace Collaboration.Errors;

/// <summary>The codes a client sees in <c>extensions.code</c> (DESIGN.md invariant 5).</summary>
public enum ErrorCode
{
    Validation,
    NotFound,
    Forbidden,
    Unauthenticated,
    Conflict,
    InvalidState,

    /// <summary>Too many requests from one user or client in a short time; try again later.</summary>
    TooManyRequests,
}

public static class ErrorCodeNames
{
    /// <summary>The wire name of a code: <c>NOT_FOUND</c> for <see cref="ErrorCode.NotFound"/>.</summary>
    public static string ToWireName(this ErrorCode code) => code switch
    {
        ErrorCode.Validation => "VALIDATION",
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.InvalidState => "INVALID_STATE",
        ErrorCode.TooManyRequests => "TOO_MANY_REQUESTS",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
