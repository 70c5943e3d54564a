using System.Net.Http.Json;

namespace Collaboration.Server.Tests;

/// <summary>A GraphQL answer: HTTP status, media type and the parsed body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonObject Body, string Raw)
{
    public JsonNode Data(params string[] path)
    {
        JsonNode? node = Body["data"];
        foreach (var step in path)
            node = node?[step];
        return node ?? throw new InvalidOperationException($"No data at {string.Join('.', path)} in {Raw}");
    }

    public JsonArray Errors => Body["errors"] as JsonArray ?? [];

    /// <summary>The <c>extensions.code</c> of the first error.</summary>
    public string? Code => Errors.FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>();

    public GraphQLResponse EnsureNoErrors()
    {
        if (Errors.Count > 0 || Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"GraphQL answered {(int)Status}: {Raw}");
        return this;
    }
}

public static class GraphQLClient
{
    public static async Task<GraphQLResponse> GraphQLAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = raw.Length > 0 && raw.TrimStart().StartsWith('{') ? JsonNode.Parse(raw)!.AsObject() : [];
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, raw);
    }
}
