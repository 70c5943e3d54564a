using System.Net.Http.Headers;
using System.Text;

namespace Collaboration.Server.Tests;

/// <summary>The GraphQL-over-HTTP contract: methods, media types, status codes, limits and error codes.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLEndpointTests(CollaborationFactory factory)
{
    private async Task<GraphQLResponse> PostRawAsync(string body, string contentType = "application/json", HttpClient? client = null)
    {
        client ??= factory.Administrator();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);
        return await GraphQLClient.ReadAsync(response);
    }

    private async Task<GraphQLResponse> GetAsync(string query)
    {
        using var response = await factory.Administrator().GetAsync("/graphql?query=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);
        return await GraphQLClient.ReadAsync(response);
    }

    private static void AssertRefused(GraphQLResponse response, HttpStatusCode status, string code = "VALIDATION")
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal(code, response.Code);
        Assert.Null(response.Body["data"]);
        Assert.DoesNotContain("   at ", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_over_POST_answers_in_the_GraphQL_response_media_type()
    {
        var response = await factory.Administrator().GraphQLAsync("{ viewer { person { name } isAdministrator } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("""{"data":{"viewer":{"person":{"name":"Ada Administrator"},"isAdministrator":true}}}""", response.Raw);
    }

    [Fact]
    public async Task A_query_over_GET_is_answered()
    {
        var response = await GetAsync("{ viewer { isAdministrator } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Data("viewer", "isAdministrator").GetValue<bool>());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_changes_nothing()
    {
        var response = await GetAsync("mutation { createDialogue(key: \"via-get\", settings: { name: \"X\", workingLanguages: [\"en\"], regionalGroups: [\"A\"] }) { key } }");

        AssertRefused(response, HttpStatusCode.MethodNotAllowed);
        var after = await factory.Administrator().GraphQLAsync("{ dialogues { key } }");
        Assert.DoesNotContain("via-get", after.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"query\": ")]
    [InlineData("[1, 2]")]
    [InlineData("[{\"query\": \"{ setupRequired }\"}, {\"query\": \"{ setupRequired }\"}]")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ viewer { isAdministrator } }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ viewer { isAdministrator } }\", \"variables\": \"x\"}")]
    public async Task A_body_that_is_not_a_GraphQL_request_is_a_400(string body) =>
        AssertRefused(await PostRawAsync(body), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("{\"query\": \"   \"}")]
    public async Task A_request_without_a_document_is_a_400(string body) =>
        AssertRefused(await PostRawAsync(body), HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_body_in_another_media_type_is_a_415() =>
        AssertRefused(await PostRawAsync("{ viewer { isAdministrator } }", "application/graphql"), HttpStatusCode.UnsupportedMediaType);

    [Theory]
    [InlineData("{ viewer { ")]
    [InlineData("query { viewer { isAdministrator } } }")]
    [InlineData("{ viewer { nosuchfield } }")]
    [InlineData("{ nosuchroot }")]
    [InlineData("{ dialogue { key } }")]
    [InlineData("{ dialogue(key: 5) { key } }")]
    [InlineData("query($k: String!) { dialogue(key: $k) { key } }")]
    [InlineData("\r \"a description of nothing\"")]
    [InlineData("{ viewer {\r isAdministrator")]
    public async Task An_invalid_document_is_a_400_with_VALIDATION(string query) =>
        AssertRefused(await factory.Administrator().GraphQLAsync(query), HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_400()
    {
        var response = await factory.Administrator().GraphQLAsync("query($k: String!) { dialogue(key: $k) { key } }", new { k = new[] { 1, 2 } });

        AssertRefused(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_a_400()
    {
        // Introspection has a ceiling of its own (the standard introspection query is 15 deep); this is past it.
        var query = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 20)) + "{ name }"
            + string.Concat(Enumerable.Repeat(" }", 20)) + " } } } }";

        var response = await factory.Administrator().GraphQLAsync(query);

        AssertRefused(response, HttpStatusCode.BadRequest);
        Assert.Contains("deep", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_nested_past_the_parser_limit_is_a_400_not_a_crash()
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 5000)) + string.Concat(Enumerable.Repeat("} ", 5000));

        AssertRefused(await factory.Administrator().GraphQLAsync(query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_query_more_complex_than_the_limit_is_a_400()
    {
        var query = "{ __schema { types { fields { args { type { fields { args { type { fields { name } } } } } } } } } }";

        var response = await factory.Administrator().GraphQLAsync(query);

        AssertRefused(response, HttpStatusCode.BadRequest);
        Assert.Contains("complexity", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Too_many_aliases_are_a_400()
    {
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 60).Select(i => $"a{i}: setupRequired")) + " }";

        var response = await factory.Administrator().GraphQLAsync(query);

        AssertRefused(response, HttpStatusCode.BadRequest);
        Assert.Equal("TOO_MANY_ALIASES", response.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var body = "{\"query\": \"{ viewer { isAdministrator } }\", \"variables\": {\"pad\": \"" + new string('x', 200_000) + "\"}}";

        AssertRefused(await PostRawAsync(body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_field_error_is_a_200_with_the_rule_s_code_and_no_stack_trace()
    {
        var response = await factory.Anonymous().GraphQLAsync("{ dialogues { key } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Code);
        Assert.DoesNotContain("   at ", response.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ dialogue(key: \" \") { key } }")]
    [InlineData("{ meeting(id: \" /x\") { id } }")]
    [InlineData("mutation { removeMember(key: \"\\t\", personId: \"p\", expectedVersion: 1) { key } }")]
    public async Task A_blank_key_is_not_found_rather_than_an_unexpected_error(string query)
    {
        var response = await factory.Administrator().GraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("NOT_FOUND", response.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NoSuchType")]
    public async Task Introspecting_a_type_that_does_not_exist_answers_null(string name)
    {
        // GraphQL.NET's own resolver threw for the empty name, which answered INTERNAL (found by the fuzz test).
        var response = await factory.Anonymous().GraphQLAsync("query($n: String!) { __type(name: $n) { name } }", new { n = name });

        Assert.Equal("""{"data":{"__type":null}}""", response.Raw);
    }

    [Fact]
    public async Task Anonymous_callers_see_only_public_fields()
    {
        var response = await factory.Anonymous().GraphQLAsync("{ viewer { person { name } } setupRequired }");

        Assert.Equal("""{"data":{"viewer":null,"setupRequired":false}}""", response.Raw);
    }
}
