using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// Gives every error an <c>extensions.code</c> from DESIGN.md invariant 5: a rule's refusal keeps its code,
/// a malformed or invalid document is VALIDATION (with the parser's or validator's reason beside it), and
/// anything unexpected is INTERNAL with a generic message (details only in Development).
/// </summary>
public sealed class CollaborationErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public const string Internal = "INTERNAL";

    private readonly ErrorInfoProviderOptions _options = options;

    public override ErrorInfo GetInfo(ExecutionError error)
    {
        var domain = FindDomainError(error);
        if (domain is not null)
        {
            var extensions = new Dictionary<string, object?> { ["code"] = domain.Code.ToWireName() };
            if (domain.Field is not null)
                extensions["field"] = domain.Field;
            if (domain.Reason is not null)
                extensions["reason"] = domain.Reason;
            if (domain.Values is not null)
                extensions["values"] = domain.Values;
            return new ErrorInfo { Message = domain.Message, Extensions = extensions };
        }

        if (IsBadRequest(error))
        {
            var info = base.GetInfo(error);
            var extensions = new Dictionary<string, object?> { ["code"] = ErrorCode.Validation.ToWireName() };
            if ((error.InnerException is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException ? "MAX_NESTING" : error.Code) is { } reason)
                extensions["reason"] = reason;
            if (info.Extensions?.TryGetValue("locations", out var locations) == true)
                extensions["locations"] = locations;
            return new ErrorInfo { Message = error.Message, Extensions = extensions };
        }

        var unexpected = new Dictionary<string, object?> { ["code"] = Internal };
        if (_options.ExposeExceptionDetails && error.InnerException is { } exception)
            unexpected["details"] = exception.ToString();
        return new ErrorInfo { Message = "The server could not complete this request. It has been logged.", Extensions = unexpected };
    }

    /// <summary>
    /// Whether an error is the request's fault: a malformed or invalid document, bad variables, or a document
    /// nested past the parser's limit (which the parser reports as an exception of its own).
    /// </summary>
    public static bool IsBadRequest(ExecutionError error) =>
        error is DocumentError or RequestError || error.InnerException is GraphQLParser.Exceptions.GraphQLParserException;

    /// <summary>
    /// Whether an exception is answered with a code of its own rather than INTERNAL: a rule's refusal, or the
    /// request's fault. Only the others are failures an operator needs to see.
    /// </summary>
    public static bool IsAnswered(Exception exception) =>
        FindDomainError(exception) is not null
        || exception is DocumentError or RequestError
        || exception is GraphQLParser.Exceptions.GraphQLParserException
        || exception.InnerException is GraphQLParser.Exceptions.GraphQLParserException;

    /// <summary>
    /// Answers a refused input with one error per bad field, each with its own <c>field</c>, <c>reason</c> and
    /// <c>values</c> (and the path and location of the field that refused it), so a form shows every problem at
    /// once. Errors about one field or none stay as they are.
    /// </summary>
    public static void ExpandFieldProblems(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => FindDomainError(e)?.Problems is { Count: > 1 }))
            return;
        var expanded = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (FindDomainError(error) is not { Problems: { Count: > 1 } problems })
            {
                expanded.Add(error);
                continue;
            }
            foreach (var problem in problems)
            {
                var one = new ExecutionError(problem.Message, CollaborationException.Validation([problem])) { Path = error.Path };
                foreach (var location in error.Locations ?? [])
                    one.AddLocation(location);
                expanded.Add(one);
            }
        }
        result.Errors = expanded;
    }

    private static CollaborationException? FindDomainError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is CollaborationException domain)
                return domain;
        }
        return null;
    }
}

/// <summary>
/// Logs what the error provider answers as INTERNAL ("It has been logged"): without it an unexpected failure
/// left no trace for an operator. The exception goes to the log; the caller sees only the generic message.
/// GraphQL.NET hands every exception a resolver throws to this handler, refusals included; those are answered
/// with their code and are not logged, or the error log fills with typos and "not found"s and hides what matters.
/// </summary>
public static partial class UnexpectedGraphQLErrors
{
    public static void Log(UnhandledExceptionContext context)
    {
        if (CollaborationErrorInfoProvider.IsAnswered(context.OriginalException))
            return;
        var logger = context.ExecutionOptions.RequestServices?.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
            ? factory.CreateLogger(typeof(GraphQLEndpoint).FullName!)
            : null;
        if (logger is not null)
            LogUnexpected(logger, context.OriginalException, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(the document)");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL request failed unexpectedly at {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string path);
}
