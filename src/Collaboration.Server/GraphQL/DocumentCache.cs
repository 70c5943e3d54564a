using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// Keeps the parsed and validated documents of queries that ran, by query text, so a client that sends the
/// same query again (the web client sends a handful of fixed documents) skips parsing and validation. The
/// meeting-page benchmark found those two steps to be most of a request's CPU time. Only rules registered
/// for cached documents run again (the alias limit; GET's queries-only rule, which the endpoint sets per
/// request). The cache is bounded: when full it starts again, so unusual queries cannot grow it.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>Documents kept at most; the web client uses far fewer.</summary>
    public const int MaxDocuments = 500;

    /// <summary>Longer query texts are not kept.</summary>
    public const int MaxQueryLength = 32 * 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>After the option configurations (validation rules), as GraphQL.NET's own document cache.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= MaxQueryLength } query)
            return await next(options);
        if (_documents.TryGetValue(query, out var cached))
        {
            // Validated when it was cached; only the rules that depend on the request run again.
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        // Executed: the document parsed and passed validation.
        if (result.Executed && result.Document is { } document)
        {
            if (_documents.Count >= MaxDocuments)
                _documents.Clear();
            _documents.TryAdd(query, document);
        }
        return result;
    }
}
