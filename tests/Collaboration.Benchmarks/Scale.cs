using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Collaboration.Benchmarks;

/// <summary>The figures at one size of the embedded profile.</summary>
public sealed record ScaleResult(
    int Meetings,
    int People,
    TimeSpan LoadTime,
    Latencies LastCreates,
    long RssAfterLoad,
    long RssAfterRestart,
    long RssAfterQueries,
    double FirstColdPageMs,
    Latencies ColdPages,
    double FirstListMs,
    Latencies UpcomingList);

/// <summary>
/// Loads meetings and people through the public API (createMeeting, importMembers) into one dialogue of the
/// embedded profile, then restarts the server so every grain is cold and measures memory, the first read of
/// meetings nobody touched since the restart, and the "upcoming meetings" list of the dialogue page.
/// </summary>
public static class Scale
{
    /// <summary>The web client's <c>MeetingsQuery</c> (clients/web/src/api/operations.ts), verbatim; the dialogue page sends it with upcoming: true.</summary>
    public const string UpcomingQuery = """
        query($key: String!, $upcoming: Boolean, $after: String) {
          meetings(key: $key, filter: { upcoming: $upcoming }, first: 100, after: $after) {
            nodes { id titles { language text } type status city hostCountry timeZone startsAt endsAt } hasNextPage endCursor } }
        """;

    // A GraphQL request body is at most 128 KiB (GraphQL:MaxRequestBytes): about 1,500 lines of this CSV.
    private const int ImportBatch = 1500;

    public static async Task<List<ScaleResult>> RunAsync(BenchmarkOptions options)
    {
        await using var server = await BenchServer.StartAsync();
        var results = new List<ScaleResult>();
        var meetingIds = new List<string>();
        var people = 0;
        foreach (var meetings in options.ScaleMeetings)
        {
            var targetPeople = meetings * options.PeoplePerMeeting;
            var clock = Stopwatch.StartNew();
            people = await ImportPeopleAsync(server, people, targetPeople);
            var creates = new Latencies();
            meetingIds.AddRange(await CreateMeetingsAsync(server, meetingIds.Count, meetings, creates));
            var loadTime = clock.Elapsed;
            Console.Error.WriteLine($"scale: {meetings} meetings and {people} people loaded in {loadTime.TotalSeconds:0} s");
            var rssAfterLoad = ProcessMeter.ResidentBytes(server.Process.ProcessId);

            await server.RestartAsync();
            var rssAfterRestart = ProcessMeter.ResidentBytes(server.Process.ProcessId);
            using var client = server.Process.CreateClient(server.Token);
            // The first request after a start compiles the GraphQL path; that is start-up, not activation.
            await BenchServer.GraphQLAsync(client, "{ __typename }");
            var cold = new Latencies();
            var firstCold = await TimeAsync(() => PageAsync(client, meetingIds[0]));
            foreach (var id in meetingIds.Skip(1).Take(options.ColdPages))
                cold.Record(await TimeAsync(() => PageAsync(client, id)));
            var firstList = await TimeAsync(() => UpcomingAsync(client));
            for (var i = 0; i < 20; i++)
                await UpcomingAsync(client);
            var list = new Latencies();
            for (var i = 0; i < options.ListRequests; i++)
                list.Record(await TimeAsync(() => UpcomingAsync(client)));
            results.Add(new ScaleResult(meetings, people, loadTime, creates, rssAfterLoad, rssAfterRestart, ProcessMeter.ResidentBytes(server.Process.ProcessId),
                firstCold, cold, firstList, list));
        }
        return results;
    }

    private static async Task<int> ImportPeopleAsync(BenchServer server, int from, int to)
    {
        using var admin = server.Process.CreateClient(server.Token);
        admin.Timeout = TimeSpan.FromMinutes(5);
        for (var start = from; start < to; start += ImportBatch)
        {
            var csv = new StringBuilder("email,name,organisation,roles,partnerStateCode\n");
            for (var i = start; i < Math.Min(to, start + ImportBatch); i++)
                csv.Append(CultureInfo.InvariantCulture, $"person{i}@example.org,Person {i},Ministry {i % 45},DELEGATE,MT\n");
            await BenchServer.GraphQLAsync(admin, "mutation($csv: String!) { importMembers(key: \"bench\", csv: $csv, dryRun: false) { imported } }", new { csv = csv.ToString() });
        }
        return Math.Max(from, to);
    }

    /// <summary>Draft meetings spread over the coming years, created by a few concurrent secretariat clients.</summary>
    /// <summary>Records how long each of the last 200 creations took, in <paramref name="lastCreates"/>.</summary>
    private static async Task<List<string>> CreateMeetingsAsync(BenchServer server, int from, int to, Latencies lastCreates)
    {
        var ids = new List<string>();
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var admin = server.Process.CreateClient(server.Token);
            int index;
            while ((index = Interlocked.Increment(ref next)) < to)
            {
                var day = new DateTime(2031, 1, 1).AddDays(index % 3650);
                var started = Stopwatch.GetTimestamp();
                var created = await BenchServer.GraphQLAsync(admin,
                    "mutation($d: MeetingDetailsInput!) { createMeeting(key: \"bench\", details: $d) { meeting { id } } }",
                    new
                    {
                        d = new
                        {
                            titles = new[] { new { language = "en", text = $"Expert meeting {index}" } },
                            type = "EXPERT_MEETING", hostCountry = "MT", city = "Valletta", timeZone = "Europe/Malta",
                            startsLocal = $"{day:yyyy-MM-dd}T09:00", endsLocal = $"{day.AddDays(1):yyyy-MM-dd}T17:00", workingLanguages = new[] { "en" },
                        },
                    });
                if (index >= to - 200)
                    lastCreates.RecordSince(started);
                lock (ids)
                    ids.Add(created["createMeeting"]!["meeting"]!["id"]!.GetValue<string>());
            }
        }));
        return ids;
    }

    private static async Task PageAsync(HttpClient client, string id) =>
        await BenchServer.GraphQLAsync(client, MeetingPage.Query, new { id });

    private static async Task UpcomingAsync(HttpClient client) =>
        await BenchServer.GraphQLAsync(client, UpcomingQuery, new { key = "bench", upcoming = true });

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
