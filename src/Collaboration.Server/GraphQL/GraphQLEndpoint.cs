using System.Text.Json;
using Collaboration.Server.Extensions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// GraphQL over HTTP: POST with a JSON body for anything, GET with query parameters for queries only.
/// Answers are <c>application/graphql-response+json</c> unless the caller's <c>Accept</c> prefers
/// <c>application/json</c>. A request that cannot be parsed or does not validate gets 400 (200 in
/// <c>application/json</c>, whose clients read any other status as a transport failure), a mutation over GET
/// 405, a body over the limit 413; once execution started the answer is 200 with field errors in <c>errors</c>.
/// </summary>
public static class GraphQLEndpoint
{
    public const string ResponseMediaType = "application/graphql-response+json";

    /// <summary>The media type of GraphQL over HTTP's legacy clients.</summary>
    public const string JsonMediaType = "application/json";

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery()
            .RequireRateLimiting(Extensions.RateLimits.GraphQLPolicy);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        IDocumentExecuter<CollaborationSchema> executer,
        IGraphQLTextSerializer serializer,
        IOptions<GraphQLLimits> limits)
    {
        var mediaType = ResponseMediaTypeFor(context.Request);
        var isGet = HttpMethods.IsGet(context.Request.Method);
        GraphQLRequest? request;
        try
        {
            request = isGet ? ReadQueryString(context, serializer, limits.Value) : await ReadBodyAsync(context, serializer, limits.Value);
        }
        catch (RequestRefusedException refused)
        {
            await WriteErrorAsync(context, serializer, mediaType, refused.Status, refused.Message);
            return;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteErrorAsync(context, serializer, mediaType, StatusCodes.Status400BadRequest, "The request has no GraphQL document in 'query'.");
            return;
        }

        var options = new ExecutionOptions
        {
            Query = NormalizeLineBreaks(request.Query),
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            // A caller who leaves stops the work: resolution checks it between fields.
            CancellationToken = context.RequestAborted,
            UserContext = new Dictionary<string, object?> { [ResolveContextExtensions.HttpContextKey] = context },
        };
        if (isGet)
        {
            options.ValidationRules = DocumentValidator.CoreRules.Append(QueriesOnlyRule.Instance);
            options.CachedDocumentValidationRules = [QueriesOnlyRule.Instance];
        }

        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Nobody is left to answer, and nothing went wrong.
            return;
        }

        CollaborationErrorInfoProvider.ExpandFieldProblems(result);
        var status = StatusCodes.Status200OK;
        if (!result.Executed && result.Errors is { Count: > 0 } errors)
        {
            if (errors.Any(e => e is HttpMethodValidationError))
            {
                status = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = HttpMethods.Post;
            }
            else if (errors.All(CollaborationErrorInfoProvider.IsBadRequest))
            {
                status = mediaType == JsonMediaType ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            }
            else
            {
                status = StatusCodes.Status500InternalServerError;
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType;
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>
    /// <c>application/json</c> when <c>Accept</c> prefers it (by quality) to <c>application/graphql-response+json</c>;
    /// the latter otherwise, including without <c>Accept</c>, for <c>*/*</c>, on a tie, and when neither is named.
    /// </summary>
    private static string ResponseMediaTypeFor(HttpRequest request)
    {
        double graphQL = -1, json = -1;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            var quality = accepted.Quality ?? 1;
            if (accepted.MediaType.Equals(ResponseMediaType, StringComparison.OrdinalIgnoreCase)
                || accepted.MediaType.Equals("*/*", StringComparison.Ordinal) || accepted.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                graphQL = Math.Max(graphQL, quality);
            else if (accepted.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, quality);
        }
        return json > 0 && json > graphQL ? JsonMediaType : ResponseMediaType;
    }

    private static GraphQLRequest ReadQueryString(HttpContext context, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        var query = context.Request.Query;
        if (context.Request.QueryString.Value?.Length > limits.MaxRequestBytes)
            throw new RequestRefusedException(StatusCodes.Status413PayloadTooLarge, $"The query string is over {limits.MaxRequestBytes} bytes.");
        try
        {
            return new GraphQLRequest
            {
                Query = query["query"].ToString(),
                OperationName = query["operationName"] is { Count: > 0 } name ? name.ToString() : null,
                Variables = query["variables"] is { Count: > 0 } variables ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
                Extensions = query["extensions"] is { Count: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new RequestRefusedException(StatusCodes.Status400BadRequest, "'variables' or 'extensions' is not a JSON object.");
        }
    }

    private static async Task<GraphQLRequest?> ReadBodyAsync(HttpContext context, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            throw new RequestRefusedException(StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json.");
        if (context.Request.ContentLength > limits.MaxRequestBytes)
            throw new RequestRefusedException(StatusCodes.Status413PayloadTooLarge, $"The request body is over {limits.MaxRequestBytes} bytes.");

        // Read at most one byte over the limit, so a body without a length cannot make the server buffer it all.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxRequestBytes)
                throw new RequestRefusedException(StatusCodes.Status413PayloadTooLarge, $"The request body is over {limits.MaxRequestBytes} bytes.");
        }
        buffer.Position = 0;
        try
        {
            return await serializer.ReadAsync<GraphQLRequest>(buffer, context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            throw new RequestRefusedException(StatusCodes.Status400BadRequest, "The request body is not a GraphQL request in JSON: " + FirstLine(e.Message));
        }
    }

    /// <summary>
    /// Writes every line break as "\n". GraphQL treats "\r\n", "\r" and "\n" alike (and a block string's value
    /// uses "\n"), so the meaning stays; but the parser's syntax-error message cannot point into a document
    /// with a bare "\r" and throws IndexOutOfRangeException instead, which would answer a 500 for bad input.
    /// </summary>
    private static string NormalizeLineBreaks(string query) =>
        query.Contains('\r', StringComparison.Ordinal) ? query.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : query;

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Split(" Path:", 2)[0];

    private static async Task WriteErrorAsync(HttpContext context, IGraphQLTextSerializer serializer, string mediaType, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType;
        var result = new ExecutionResult { Errors = [new RequestRefusedError(message)] };
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private sealed class RequestRefusedException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    /// <summary>A request the endpoint refused before GraphQL saw it; shown with code VALIDATION.</summary>
    private sealed class RequestRefusedError(string message) : RequestError(message);
}
