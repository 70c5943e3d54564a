using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Collaboration.Server.GraphQL;
using Collaboration.Server.Hubs;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 10, hardening: thousands of generated malformed GraphQL requests and invalid hub calls. Bad input
/// gets a clear refusal and changes nothing (DESIGN.md invariant 5): no 5xx, well-formed GraphQL errors with
/// a code and no stack trace, a hub connection that stays open and keeps answering, and the same state after
/// as before. Each run draws a new seed and prints it; set FUZZ_REPLAY to "seed,gamma" (as printed, or as
/// FsCheck reports a failure) to run the same cases again.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed partial class FuzzTests(FuzzWorld world)
{
    private const int RequestCases = 3_000;
    private const int HubCallCases = 1_500;

    private static readonly string[] Codes = ["VALIDATION", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "CONFLICT", "INVALID_STATE", "TOO_MANY_REQUESTS"];

    [Fact]
    public async Task Malformed_GraphQL_requests_are_refused_without_a_server_error_and_change_nothing()
    {
        var before = await world.SnapshotAsync();
        Assert.Equal(before, await world.SnapshotAsync());
        var requests = new MalformedRequests(world);
        var clients = new Dictionary<Sender, HttpClient>
        {
            [Sender.Administrator] = world.Administrator(),
            [Sender.Participant] = world.Participant,
            [Sender.Anonymous] = world.Anonymous(),
        };
        var tally = new ConcurrentDictionary<string, int>();
        var executedMutations = new ConcurrentQueue<string>();

        var property = Prop.ForAll(
            Gen.Frequency((10, requests.Documents), (5, requests.Variables), (2, requests.StaleVersions), (4, requests.Envelopes)).ToArbitrary(),
            async request =>
            {
                var status = await SendAsync(clients[request.Sender], request);
                tally.AddOrUpdate($"{request.Kind} → {(int)status}", 1, (_, n) => n + 1);
                if (status == HttpStatusCode.OK && request.ToString().Contains("mutation", StringComparison.Ordinal))
                    executedMutations.Enqueue(request.ToString());
            });
        await Task.Run(() => property.Check(Configuration(RequestCases)), TestContext.Current.CancellationToken);

        Report(tally);
        var after = await world.SnapshotAsync();
        Assert.True(before == after, $"State changed.\n{Difference(before, after)}\nMutations that ran:\n{string.Join('\n', executedMutations.Take(50))}");

        // The snapshot is not blind: a real change shows in it.
        (await world.Administrator().GraphQLAsync(
            "mutation($k: String!, $o: OrganisationInput!) { addPartnerAgency(key: $k, organisation: $o) { version } }",
            new { k = world.DialogueKey, o = new { key = "icmpd", name = "ICMPD", acronym = "ICMPD" } })).EnsureNoErrors();
        Assert.NotEqual(after, await world.SnapshotAsync());
    }

    [Fact]
    public async Task Invalid_hub_calls_are_refused_keep_the_connection_and_change_nothing()
    {
        var before = await world.SnapshotAsync();
        var calls = new InvalidHubCalls(world);
        await using var administrator = await world.JoinedAsync(world.AdministratorToken, world.MeetingId);
        await using var participant = await world.JoinedAsync(world.Tokens["it2"], world.MeetingId);
        await using var noteTaker = await world.JoinedAsync(world.Tokens["it1"], world.MeetingId);
        await using var outsider = await HubClient.ConnectAsync(world, world.Tokens["outsider"]);
        var connections = new Dictionary<HubCaller, HubClient>
        {
            [HubCaller.Administrator] = administrator,
            [HubCaller.Participant] = participant,
            [HubCaller.NoteTaker] = noteTaker,
            [HubCaller.Outsider] = outsider,
        };
        var tally = new ConcurrentDictionary<string, int>();

        var property = Prop.ForAll(calls.Calls.ToArbitrary(), async call =>
        {
            var connection = connections[call.Caller].Connection;
            var outcome = await InvokeAsync(connection, call);
            tally.AddOrUpdate($"{call.Caller} {outcome}", 1, (_, n) => n + 1);
            Assert.True(!CannotBind(call) || outcome == "VALIDATION", $"{call} cannot bind to a hub method, yet got {outcome} rather than VALIDATION.");
            Assert.True(connection.State == HubConnectionState.Connected, $"The connection is {connection.State} after {call}.");
            if (outcome == "answered" && call.Caller != HubCaller.Outsider && call.Method.Equals(nameof(NotesHub.LeaveMeeting), StringComparison.OrdinalIgnoreCase))
                await connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), world.MeetingId, 0L, TestContext.Current.CancellationToken);
            await ProbeAsync(call.Caller, connection);
        });
        await Task.Run(() => property.Check(Configuration(HubCallCases)), TestContext.Current.CancellationToken);

        Report(tally);
        var after = await world.SnapshotAsync();
        Assert.True(before == after, $"State changed.\n{Difference(before, after)}");
    }

    /// <summary>
    /// A call that must still work after an invalid one: the number following the meeting for those who
    /// joined it, and for the outsider the meeting's staying invisible.
    /// </summary>
    private async Task ProbeAsync(HubCaller caller, HubConnection connection)
    {
        if (caller == HubCaller.Outsider)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), world.MeetingId, 0L, TestContext.Current.CancellationToken));
            Assert.Contains("HubException: NOT_FOUND:", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(await connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), world.MeetingId, TestContext.Current.CancellationToken) >= 1);
        }
    }

    /// <summary>
    /// Invokes a generated call; answers "answered" or the refusal's code. Every refusal carries a code, those
    /// SignalR makes before the hub sees the call too (arguments that do not bind, a method that does not exist).
    /// </summary>
    private static async Task<string> InvokeAsync(HubConnection connection, HubCall call)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await connection.InvokeCoreAsync(call.Method, typeof(object), [.. call.Arguments], timeout.Token);
            return "answered";
        }
        catch (HubException e)
        {
            if (RefusalCode().Match(e.Message) is { Success: true } refusal)
                return refusal.Groups[1].Value;
            throw new Xunit.Sdk.XunitException($"{call} got an error without a code instead of a refusal: {e.Message}");
        }
    }

    /// <summary>The hub's methods by name, as SignalR matches them (ignoring case).</summary>
    private static readonly Dictionary<string, System.Reflection.MethodInfo> HubMethods =
        typeof(NotesHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a call certainly fails before the hub sees it: no such method, another number of arguments than
    /// the method takes (SignalR passes no defaults), or an object or array where every parameter is a scalar.
    /// </summary>
    private static bool CannotBind(HubCall call) =>
        !HubMethods.TryGetValue(call.Method, out var method)
        || method.GetParameters().Length != call.Arguments.Length
        || call.Arguments.Any(a => a is JsonObject or JsonArray);

    [GeneratedRegex("HubException: (VALIDATION|NOT_FOUND|FORBIDDEN|UNAUTHENTICATED|CONFLICT|INVALID_STATE|TOO_MANY_REQUESTS)(?:/[A-Z_]+)?:")]
    private static partial Regex RefusalCode();

    /// <summary>Sends a generated request and checks the answer; answers the status.</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), "/graphql" + (request.QueryString is { } q ? "?" + q : ""));
        if (request.Body is { } body && request.Method is not ("HEAD" or "TRACE" or "OPTIONS"))
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{request} got {status}: {raw}");
        if (response.Content.Headers.ContentType?.MediaType != GraphQLEndpoint.ResponseMediaType)
        {
            // Only routing answers without GraphQL: a method the endpoint does not take.
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed && request.Method is not ("GET" or "POST"), $"{request} got {status} {response.Content.Headers.ContentType}: {raw}");
            return response.StatusCode;
        }

        var answer = Assert.IsType<JsonObject>(JsonNode.Parse(raw));
        var errors = answer["errors"] as JsonArray;
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.True(errors is { Count: > 0 } && answer["data"] is null, $"{request} got {status} without errors or with data: {raw}");
        }
        else
        {
            Assert.True(answer.ContainsKey("data") || errors is { Count: > 0 }, $"{request} got neither data nor errors: {raw}");
        }
        foreach (var error in errors ?? [])
        {
            Assert.False(string.IsNullOrWhiteSpace(error?["message"]?.GetValue<string>()), $"{request} got an error without a message: {raw}");
            var code = error?["extensions"]?["code"]?.GetValue<string>();
            Assert.True(code is not null && Codes.Contains(code), $"{request} got an error whose code is {code ?? "missing"}: {raw}");
        }
        if (request.Expectation == Expectation.RefusedBeforeExecution)
        {
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge && errors!.All(e => e?["extensions"]?["code"]?.GetValue<string>() == "VALIDATION"),
                $"{request} should be refused before execution, but got {status}: {raw}");
        }
        if (request.Expectation == Expectation.RefusedWhenRun)
        {
            // Where the whole answer is refused before it runs (an input value a rule of the schema refuses), nothing ran either.
            Assert.True(errors is { Count: > 0 } && answer["data"]?.AsObject().All(field => field.Value is null) != false,
                $"{request} should be refused, but got {status}: {raw}");
        }
        return response.StatusCode;
    }

    /// <summary>A run's configuration: a seed drawn now and printed (or FUZZ_REPLAY's), so any run can be repeated.</summary>
    private static Config Configuration(int cases)
    {
        var replay = Environment.GetEnvironmentVariable("FUZZ_REPLAY") is { Length: > 0 } text
            ? text.Trim('(', ')', ' ').Split(',').Select(p => ulong.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [(ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1];
        TestContext.Current.TestOutputHelper?.WriteLine($"FUZZ_REPLAY={string.Join(',', replay)}");
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        // Two numbers replay a whole run; three (as FsCheck reports "at failing step") replay the failing case at its size.
        return replay.Length == 3 ? config.WithReplay(replay[0], replay[1], (int)replay[2]) : config.WithReplay(replay[0], replay[1]);
    }

    private static void Report(ConcurrentDictionary<string, int> tally)
    {
        foreach (var (outcome, count) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
            TestContext.Current.TestOutputHelper?.WriteLine($"{count,6}  {outcome}");
    }

    private static string Difference(string before, string after)
    {
        var was = before.Split('\n');
        var now = after.Split('\n');
        return string.Join('\n', Enumerable.Range(0, Math.Max(was.Length, now.Length))
            .Where(i => i >= was.Length || i >= now.Length || was[i] != now[i])
            .Take(10)
            .Select(i => $"before: {(i < was.Length ? was[i] : "")}\nafter:  {(i < now.Length ? now[i] : "")}"));
    }
}
