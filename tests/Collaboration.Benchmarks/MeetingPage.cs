using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Collaboration.Benchmarks;

/// <summary>One load run against one endpoint at one concurrency.</summary>
public sealed record LoadResult(string System, int Clients, int Requests, int Failures, TimeSpan Duration, Latencies Latencies, double ServerCpuPercent, int ResponseBytes)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>
/// The GraphQL meeting page (the web client's <c>MeetingQuery</c>) under N concurrent clients, against its
/// floor: a minimal-API endpoint in the same server process that calls the same grain and writes the same JSON.
/// </summary>
public static class MeetingPage
{
    /// <summary>The meeting page query of clients/web/src/api/operations.ts (MeetingQuery with meetingFields), verbatim.</summary>
    public const string Query = """
        query($id: ID!) { meeting(id: $id) { id dialogueKey titles { language text } descriptions { language text } type status hostCountry city venue timeZone
          startsAt endsAt startsLocal endsLocal workingLanguages capacity format onlineMeetingUrl liveNotesForParticipants version revision
          sessions { id title startsAt endsAt moderators { personId name affiliation regionalGroup } }
          coChairs { personId name affiliation regionalGroup } rapporteurs { personId name affiliation regionalGroup }
          invitations { invitee { personId name affiliation regionalGroup } status waitlistPosition deliveryProblem }
          participants { personId name affiliation regionalGroup }
          documents { id title kind url fileName }
          myInvitation { status waitlistPosition } acceptedCount waitlistCount } }
        """;

    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>A meeting page of the usual size: one session, a rapporteur, 40 invited people, a linked document.</summary>
    public static async Task<string> CreateMeetingAsync(BenchServer server)
    {
        using var admin = server.Process.CreateClient(server.Token);
        var csv = new StringBuilder("email,name,organisation,roles,partnerStateCode\n");
        for (var i = 0; i < 40; i++)
            csv.Append($"page{i}@example.org,Delegate {i},Ministry of the Interior,DELEGATE,MT\n");
        await BenchServer.GraphQLAsync(admin, "mutation($csv: String!) { importMembers(key: \"bench\", csv: $csv, dryRun: false) { imported } }", new { csv = csv.ToString() });
        var (id, _) = await server.CreateMeetingAsync();
        // Malta is invited as a state; the secretariat nominates its 40 delegates on its behalf.
        await BenchServer.GraphQLAsync(admin, "mutation($id: ID!) { inviteToMeeting(id: $id, targets: [{ partnerStateCode: \"MT\", places: 50 }]) { meeting { id } } }", new { id });
        var members = (await BenchServer.GraphQLAsync(admin, "{ dialogue(key: \"bench\") { members { personId partnerStateCode } } }"))["dialogue"]!["members"]!.AsArray();
        var maltese = members.Where(m => m!["partnerStateCode"]?.GetValue<string>() == "MT").Select(m => m!["personId"]!.GetValue<string>()).ToArray();
        await BenchServer.GraphQLAsync(admin, "mutation($id: ID!, $p: [ID!]) { nominateDelegates(id: $id, partnerStateCode: \"MT\", personIds: $p) { meeting { id } } }", new { id, p = maltese });
        await BenchServer.GraphQLAsync(admin, "mutation($id: ID!) { addDocumentLink(id: $id, document: { title: \"Concept note\", kind: BACKGROUND, url: \"https://example.org/concept.pdf\", visibility: PARTICIPANTS }) { meeting { id } } }", new { id });
        return id;
    }

    /// <summary>Whether the floor answers with the same JSON as GraphQL, so both do the same work.</summary>
    public static async Task<bool> SameJsonAsync(BenchServer server, string meetingId)
    {
        using var client = server.Process.CreateClient(server.Token);
        var graphQL = JsonNode.Parse(await (await client.PostAsJsonAsync("/graphql", new { query = Query, variables = new { id = meetingId } })).Content.ReadAsStringAsync());
        var floor = JsonNode.Parse(await client.GetStringAsync(FloorPath(meetingId)));
        var same = JsonNode.DeepEquals(graphQL, floor);
        if (!same)
            Console.Error.WriteLine($"GraphQL: {graphQL!.ToJsonString()}\nFloor:   {floor!.ToJsonString()}");
        return same;
    }

    public static string FloorPath(string meetingId) => $"{MeetingPageFloor.Path}/meetings/{meetingId}";

    public static Task<LoadResult> RunGraphQLAsync(BenchServer server, string meetingId, int clients, TimeSpan duration)
    {
        var body = JsonContent.Create(new { query = Query, variables = new { id = meetingId } }).ReadAsByteArrayAsync().Result;
        return RunAsync("Collaboration (GraphQL.NET, POST /graphql)", server, clients, duration, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            return request;
        });
    }

    public static Task<LoadResult> RunFloorAsync(BenchServer server, string meetingId, int clients, TimeSpan duration) =>
        RunAsync("Floor (minimal-API endpoint, same grain call and JSON)", server, clients, duration, () => new HttpRequestMessage(HttpMethod.Get, FloorPath(meetingId)));

    /// <summary>N loops sending one request after another over keep-alive connections; a warm-up, then a fixed duration.</summary>
    public static async Task<LoadResult> RunAsync(string system, BenchServer server, int clients, TimeSpan duration, Func<HttpRequestMessage> request)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.Process.BaseAddress,
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.Token);
        var latencies = new Latencies { Paused = true };
        var requests = 0;
        var failures = 0;
        var responseBytes = 0;
        var stop = false;
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request());
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (latencies.Paused)
                    continue;
                latencies.RecordSince(sent);
                Interlocked.Increment(ref requests);
                responseBytes = bytes.Length;
                if (!response.IsSuccessStatusCode || bytes.AsSpan().IndexOf("\"errors\""u8) >= 0)
                    Interlocked.Increment(ref failures);
            }
        })).ToList();
        await Task.Delay(WarmUp);
        var cpuBefore = ProcessMeter.CpuTime(server.Process.ProcessId);
        var clock = Stopwatch.StartNew();
        latencies.Paused = false;
        await Task.Delay(duration);
        latencies.Paused = true;
        var elapsed = clock.Elapsed;
        var cpu = (ProcessMeter.CpuTime(server.Process.ProcessId) - cpuBefore).TotalSeconds / elapsed.TotalSeconds * 100;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        return new LoadResult(system, clients, requests, failures, elapsed, latencies, cpu, responseBytes);
    }
}
