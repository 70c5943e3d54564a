using Collaboration.Benchmarks;

// Live notes, the GraphQL meeting page, scale and start-up of the real server on loopback, each beside its
// floor (and live notes beside a peer) measured in the same run. Writes its figures, with the command and
// the machine, into BENCHMARKS.md.
var options = BenchmarkOptions.Parse(args);
var report = new Report(options);
if (options.Runs("fanout") || options.Runs("append") || options.Runs("graphql"))
{
    await using var server = await BenchServer.StartAsync();
    if (options.Runs("fanout"))
    {
        foreach (var viewers in options.Viewers)
        {
            Console.Error.WriteLine($"fan-out: {viewers} viewers");
            report.FanOut.Add(await FanOut.RunNotesAsync(server, viewers, options));
            report.Baseline.Add(await FanOut.RunBaselineAsync(viewers, options));
            report.Peer.Add(await Hocuspocus.RunAsync(viewers, options));
            report.PersistentPeer.Add(await Hocuspocus.RunAsync(viewers, options, persistent: true));
        }
    }
    if (options.Runs("append"))
        report.AppendCost = await AppendCost.RunAsync(server, options);
    if (options.Runs("graphql"))
    {
        var meetingId = await MeetingPage.CreateMeetingAsync(server);
        report.SameJson = await MeetingPage.SameJsonAsync(server, meetingId);
        if (Environment.GetEnvironmentVariable("BENCH_HOLD_SECONDS") is { } hold)
        {
            // For profiling by hand: the server, a token and the meeting, then a pause.
            Console.Error.WriteLine($"server {server.Process.BaseAddress} pid {server.Process.ProcessId} token {server.Token} meeting {meetingId}");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold)));
        }
        foreach (var clients in options.GraphQLClients)
        {
            Console.Error.WriteLine($"meeting page: {clients} clients");
            report.GraphQL.Add(await MeetingPage.RunGraphQLAsync(server, meetingId, clients, options.GraphQLDuration));
            report.GraphQLFloor.Add(await MeetingPage.RunFloorAsync(server, meetingId, clients, options.GraphQLDuration));
        }
    }
}
if (options.Runs("cluster"))
{
    await using var cluster = await BenchServer.StartClusterAsync(options.ClusterSilos);
    foreach (var viewers in options.Viewers)
    {
        Console.Error.WriteLine($"fan-out on the cluster: {viewers} viewers");
        report.ClusterFanOut.Add(await FanOut.RunNotesAsync(cluster, viewers, options, FanOut.Cluster));
    }
}
if (options.Runs("scale"))
    report.Scale = await Scale.RunAsync(options);
if (options.Runs("startup"))
    report.Startup = await Startup.RunAsync(options.StartupRuns);

var markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (options.Output is { } output)
{
    // The section written by hand after a run (its reading of the figures) stays; the figures above it are replaced.
    const string HandWritten = "\n## Reading the figures";
    var previous = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
    var reading = previous.IndexOf(HandWritten, StringComparison.Ordinal) is >= 0 and var at ? previous[at..] : "";
    await File.WriteAllTextAsync(output, markdown.TrimEnd() + "\n" + reading);
}
