using System.Diagnostics;
using System.Net.Http.Json;

namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 16: documents built to make the server work far more than their size suggests are refused before
/// that work starts, and the server keeps answering everyone else meanwhile. Times are measured and printed
/// (the machine is shared), never asserted; what is asserted is that each document gets its refusal.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLLimitsTests(CollaborationFactory factory)
{
    /// <summary>
    /// How long a request may take before the test calls the server hung. The code under test answers in
    /// milliseconds; the bound only turns a server that does not answer into a failure instead of a stuck run.
    /// </summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each fragment spreads the next one twice, so the document (under 1 KB at 30 levels) names 2^30
    /// selections once expanded. Anonymous callers may send it: nothing in it needs a sign-in.
    /// </summary>
    public static string FragmentFanOut(int levels) =>
        "query{..." + Name(0) + "}" + string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment {Name(i)} on Query{{...{Name(i + 1)}...{Name(i + 1)}}}"))
        + $"fragment {Name(levels)} on Query{{__typename}}";

    /// <summary>Short fragment names (A … Z, BA …), to keep the document small.</summary>
    private static string Name(int i) => i < 26 ? ((char)('A' + i)).ToString() : Name(i / 26) + Name(i % 26);

    /// <summary>The same field many times over: checking that repeated fields can merge grows with the square of their number.</summary>
    public static string RepeatedFields(int count) => "{" + string.Join(' ', Enumerable.Repeat("__typename", count)) + "}";

    /// <summary>
    /// Posts a query on a thread of its own and answers the response and how long it took. The test server runs
    /// the application on the caller's thread until it first waits, so a server busy validating would otherwise
    /// hold the test itself, and twenty requests would run one after the other instead of at once.
    /// </summary>
    private static async Task<(GraphQLResponse Response, TimeSpan Took)> TimedAsync(HttpClient client, string query)
    {
        var clock = Stopwatch.StartNew();
        var request = Task.Run(async () =>
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query }, TestContext.Current.CancellationToken);
            return await GraphQLClient.ReadAsync(response);
        }, TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(request, Task.Delay(Hung, TestContext.Current.CancellationToken));
        Assert.True(first == request, $"No answer after {Hung.TotalSeconds:F0} s: the server is still working on {query[..Math.Min(80, query.Length)]}…");
        return (await request, clock.Elapsed);
    }

    private static void AssertRefused(GraphQLResponse response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("VALIDATION", response.Code);
        Assert.Equal(reason, response.Errors[0]!["extensions"]!["reason"]?.GetValue<string>());
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task Fragments_that_double_at_every_level_are_refused_before_they_are_expanded()
    {
        var query = FragmentFanOut(30);
        Assert.True(query.Length < 1024, $"The document is {query.Length} characters.");

        var (response, took) = await TimedAsync(factory.Anonymous(), query);

        TestContext.Current.TestOutputHelper?.WriteLine($"30 levels of doubled fragments ({query.Length} characters): {response.Status} in {took.TotalMilliseconds:F1} ms");
        AssertRefused(response, "COMPLEXITY");
    }

    [Fact]
    public async Task A_document_with_thousands_of_selections_is_refused_before_validation()
    {
        var query = RepeatedFields(11_500);

        var (response, took) = await TimedAsync(factory.Anonymous(), query);

        TestContext.Current.TestOutputHelper?.WriteLine($"11,500 × __typename ({query.Length / 1024} KB): {response.Status} in {took.TotalMilliseconds:F1} ms");
        AssertRefused(response, "TOO_MANY_SELECTIONS");
    }

    [Fact]
    public async Task A_server_under_twenty_such_requests_at_once_still_answers_a_normal_query()
    {
        var attacker = factory.Anonymous();
        var clock = Stopwatch.StartNew();
        var attacks = Enumerable.Range(0, 20)
            .Select(i => TimedAsync(attacker, i % 2 == 0 ? FragmentFanOut(30) : RepeatedFields(11_500)))
            .ToList();

        var (normal, normalTook) = await TimedAsync(factory.Administrator(), "{ viewer { person { name } isAdministrator } }");
        TestContext.Current.TestOutputHelper?.WriteLine($"A normal query during 20 attacks: {normal.Status} in {normalTook.TotalMilliseconds:F1} ms");
        var refused = await Task.WhenAll(attacks);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"All 20 attacks refused after {clock.Elapsed.TotalMilliseconds:F0} ms (slowest {refused.Max(r => r.Took).TotalMilliseconds:F1} ms)");
        Assert.Equal("""{"data":{"viewer":{"person":{"name":"Ada Administrator"},"isAdministrator":true}}}""", normal.Raw);
        for (var i = 0; i < refused.Length; i++)
            AssertRefused(refused[i].Response, i % 2 == 0 ? "COMPLEXITY" : "TOO_MANY_SELECTIONS");
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_limit_is_refused_as_DEPTH()
    {
        // Thirteen levels of selections, deeper than the twelve allowed; depth is measured before the fields are looked up.
        var query = string.Concat(Enumerable.Repeat("{ viewer ", 13)) + "{ isAdministrator }" + string.Concat(Enumerable.Repeat(" }", 13));

        var (response, _) = await TimedAsync(factory.Administrator(), query);

        AssertRefused(response, "DEPTH");
        Assert.Contains("deep", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Introspection_nested_past_its_own_ceiling_is_refused_as_DEPTH()
    {
        var query = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 30)) + "{ name }"
            + string.Concat(Enumerable.Repeat(" }", 30)) + " } } } }";

        var (response, _) = await TimedAsync(factory.Administrator(), query);

        AssertRefused(response, "DEPTH");
    }

    [Fact]
    public async Task Depth_counts_through_fragments_where_they_are_spread()
    {
        // Each fragment adds one level and spreads the next inside it: no selection set is deep, the operation is.
        var deep = "{ __schema { types { ...T0 } } } " + string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment T{i} on __Type {{ ofType {{ ...T{i + 1} }} }} "))
            + "fragment T30 on __Type { name }";
        // One fragment spread many times over is measured once and counted each time; the document is small and answered.
        var reused = "{ viewer { " + string.Concat(Enumerable.Repeat("...A ", 40)) + "} } fragment A on Viewer { person { name } }";

        var (refused, _) = await TimedAsync(factory.Administrator(), deep);
        var (answered, _) = await TimedAsync(factory.Administrator(), reused);

        AssertRefused(refused, "DEPTH");
        Assert.Equal("""{"data":{"viewer":{"person":{"name":"Ada Administrator"}}}}""", answered.Raw);
    }
}
