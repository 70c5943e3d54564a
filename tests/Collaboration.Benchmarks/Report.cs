using System.Globalization;
using System.Text;

namespace Collaboration.Benchmarks;

/// <summary>The figures of one run, written as BENCHMARKS.md.</summary>
public sealed class Report(BenchmarkOptions options)
{
    public List<FanOutResult> FanOut { get; } = [];

    public List<FanOutResult> Baseline { get; } = [];

    public List<FanOutResult> Peer { get; } = [];

    public List<FanOutResult> PersistentPeer { get; } = [];

    public List<FanOutResult> ClusterFanOut { get; } = [];

    public IReadOnlyList<(int From, int To, Latencies Latencies)> AppendCost { get; set; } = [];

    public bool? SameJson { get; set; }

    public List<LoadResult> GraphQL { get; } = [];

    public List<LoadResult> GraphQLFloor { get; } = [];

    public List<ScaleResult> Scale { get; set; } = [];

    public List<double> Startup { get; set; } = [];

    private readonly List<string> _targets = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine("Run by hand, never by the test command. Every figure below comes from one run of:").AppendLine();
        md.AppendLine("```sh").AppendLine(options.Command).AppendLine("```").AppendLine();
        md.AppendLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():0.0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, Node.js {NodeVersion()}");
        md.AppendLine("- server: the Release build of `src/Collaboration.Server` as a child process on loopback, embedded profile (SQLite, `synchronous=FULL`), logging at Warning, abuse limits (`RateLimits`) off; the benchmark's clients share the same two cores");
        md.AppendLine("- targets section at the end: each target of the performance issue, met or missed, from this run's figures").AppendLine();

        if (FanOut.Count > 0)
            FanOutSection(md);
        if (ClusterFanOut.Count > 0)
            ClusterSection(md);
        if (AppendCost.Count > 0)
            AppendCostSection(md);
        if (GraphQL.Count > 0)
            GraphQLSection(md);
        if (Scale.Count > 0)
            ScaleSection(md);
        if (Startup.Count > 0)
            StartupSection(md);

        md.AppendLine("## Targets").AppendLine();
        foreach (var target in _targets)
            md.AppendLine("- " + target);
        return md.ToString();
    }

    private void FanOutSection(StringBuilder md)
    {
        md.AppendLine("## Live-notes fan-out").AppendLine();
        md.AppendLine($"One writer per meeting appends {options.AppendsPerSecond} entries/s of {options.PayloadChars} characters for {options.Duration.TotalSeconds:0} s after a {Collaboration.Benchmarks.FanOut.WarmUp.TotalSeconds:0} s warm-up; viewers are spread evenly over {options.Meetings} meetings. Latency is from the writer's send to a viewer's receipt, on one clock (writers and viewers of a system share a process).").AppendLine();
        md.AppendLine("- **Collaboration**: the notes hub (SignalR over WebSockets, .NET client); each append is written to SQLite before it is acknowledged and sent out.");
        md.AppendLine("- **Floor**: a minimal Kestrel WebSocket endpoint in the benchmark process that sends each message to the other sockets of its room, from memory.");
        md.AppendLine("- **Peer**: Hocuspocus, the Yjs collaboration server (npm `@hocuspocus/server` 4.7.0, `yjs` 13.6.33), as a Node.js child process keeping documents in memory (no persistence extension); writers push to a `Y.Array` per meeting, viewers observe it (`@hocuspocus/provider` 4.8.0 clients in one Node.js process, `tests/Collaboration.Benchmarks/hocuspocus/load.mjs`). CPU and memory are the Hocuspocus server process's.");
        md.AppendLine("- **Peer, persistent**: the same Hocuspocus server with its stock SQLite extension (`@hocuspocus/extension-sqlite` 4.7.0, better-sqlite3 compiled here), storing a meeting's document after every change (`debounce: 0`; Hocuspocus otherwise stores 2–10 s later). It sends a change on before storing it, stores the whole document each time, and never tells the writer that its change is stored: Collaboration acknowledges an entry only once it is synced.").AppendLine();
        md.AppendLine("| system | viewers | appends | deliveries expected | delivered | p50 ms | p99 ms | max ms | delivered/s | server CPU % | server RSS MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < FanOut.Count; i++)
        {
            foreach (var r in new[] { FanOut[i], Baseline.ElementAtOrDefault(i), Peer.ElementAtOrDefault(i), PersistentPeer.ElementAtOrDefault(i) })
            {
                if (r is not null)
                    md.AppendLine(Row(r));
            }
        }
        md.AppendLine();
        foreach (var r in FanOut.Where(r => r.Acknowledgements is not null))
            md.AppendLine(Acknowledged(r, ""));
        md.AppendLine();
        md.AppendLine("Ratios from the same run (Collaboration ÷ other; throughput above 1 and latency below 1 favour Collaboration):").AppendLine();
        md.AppendLine("| viewers | p99 ÷ floor | throughput ÷ floor | p99 ÷ Hocuspocus | throughput ÷ Hocuspocus | p99 ÷ persistent Hocuspocus |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < FanOut.Count; i++)
        {
            var notes = FanOut[i];
            var floor = Baseline[i];
            var peer = Peer.ElementAtOrDefault(i);
            var persistent = PersistentPeer.ElementAtOrDefault(i);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {notes.Viewers} | {notes.Latencies.Percentile(99) / floor.Latencies.Percentile(99):0.00} | {notes.DeliveredPerSecond / floor.DeliveredPerSecond:0.00} | {(peer is null ? "–" : (notes.Latencies.Percentile(99) / peer.Latencies.Percentile(99)).ToString("0.00", CultureInfo.InvariantCulture))} | {(peer is null ? "–" : (notes.DeliveredPerSecond / peer.DeliveredPerSecond).ToString("0.00", CultureInfo.InvariantCulture))} | {(persistent is null ? "–" : (notes.Latencies.Percentile(99) / persistent.Latencies.Percentile(99)).ToString("0.00", CultureInfo.InvariantCulture))} |"));
            var throughputOk = notes.DeliveredPerSecond >= 0.5 * floor.DeliveredPerSecond && (peer is null || notes.DeliveredPerSecond >= peer.DeliveredPerSecond);
            _targets.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(throughputOk ? "met" : "**missed**")}: fan-out throughput at {notes.Viewers} viewers ≥ Hocuspocus's and ≥ 0.5× the floor: {notes.DeliveredPerSecond:0}/s against {(peer is null ? "–" : peer.DeliveredPerSecond.ToString("0", CultureInfo.InvariantCulture))}/s (Hocuspocus) and {floor.DeliveredPerSecond:0}/s (floor)"));
            if (notes.Viewers is 1000 or 2000 && options.Meetings == 20)
            {
                var bound = notes.Viewers == 1000 ? 25 : 50;
                _targets.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{(notes.Latencies.Percentile(99) < bound ? "met" : "**missed**")}: notes delivery p99 < {bound} ms at {notes.Viewers:N0} viewers over 20 meetings: {notes.Latencies.Percentile(99):0.0} ms"));
            }
            if (notes.Acknowledgements is { } acks)
                _targets.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{(acks.Percentile(99) < 20 ? "met" : "**missed**")}: append acknowledged p99 < 20 ms at {notes.Viewers:N0} viewers: {acks.Percentile(99):0.0} ms"));
        }
        var duplicates = FanOut.Sum(r => r.Duplicates ?? 0);
        _targets.Add($"{(duplicates == 0 ? "met" : "**missed**")}: no entry delivered twice to a viewer: {duplicates} in all runs");
        md.AppendLine();
    }

    private void ClusterSection(StringBuilder md)
    {
        md.AppendLine("## Live-notes fan-out on the cluster").AppendLine();
        md.AppendLine($"The same load on {options.ClusterSilos} servers (silos) of one cluster, on the same machine, with grain state, reminders and membership in PostgreSQL (a private instance on 127.0.0.1 with its default durability: every commit synced). The writers connect to the first silo; viewer *i* connects to silo *i* mod {options.ClusterSilos}, so two thirds of the viewers get each entry from another silo than the one it was written through (each server's relay subscribes to the notes grain wherever it lives). CPU and RSS are summed over the silos.").AppendLine();
        md.AppendLine("| system | viewers | appends | deliveries expected | delivered | p50 ms | p99 ms | max ms | delivered/s | servers' CPU % | servers' RSS MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in FanOut.Concat(ClusterFanOut).OrderBy(r => r.Viewers))
            md.AppendLine(Row(r));
        md.AppendLine();
        foreach (var r in ClusterFanOut.Where(r => r.Acknowledgements is not null))
            md.AppendLine(Acknowledged(r, "cluster, "));
        md.AppendLine();
    }

    /// <summary>One system's fan-out figures as a table row.</summary>
    private static string Row(FanOutResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.System} | {r.Viewers} | {r.Appends} | {r.Expected} | {r.Latencies.Count} | {r.Latencies.Percentile(50):0.0} | {r.Latencies.Percentile(99):0.0} | {r.Latencies.Max:0.0} | {r.DeliveredPerSecond:0} | {r.ServerCpuPercent:0} | {r.ServerRssBytes / 1048576.0:0} |");

    /// <summary>How fast a run's appends were acknowledged, and how many deliveries were a repeat.</summary>
    private static string Acknowledged(FanOutResult r, string prefix) => string.Create(CultureInfo.InvariantCulture,
        $"- {prefix}{r.Viewers} viewers: a writer's append was acknowledged (durably written) in p50 {r.Acknowledgements!.Percentile(50):0.0} ms, p99 {r.Acknowledgements.Percentile(99):0.0} ms ({r.Acknowledgements.Count} acknowledgements); entries a viewer received twice: {r.Duplicates}");

    private void AppendCostSection(StringBuilder md)
    {
        md.AppendLine("## Cost of one append as the notes grow").AppendLine();
        md.AppendLine("One note-taker appends entries one after another, each acknowledged (written to SQLite) before the next.").AppendLine();
        md.AppendLine("| entries already stored | mean ms | p50 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (from, to, latencies) in AppendCost)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {from - 1}–{to - 1} | {latencies.Mean:0.00} | {latencies.Percentile(50):0.00} | {latencies.Percentile(99):0.00} |"));
        md.AppendLine();
    }

    private void GraphQLSection(StringBuilder md)
    {
        md.AppendLine("## GraphQL meeting page").AppendLine();
        md.AppendLine($"The web client's meeting-page query (`MeetingQuery` in `clients/web/src/api/operations.ts`, verbatim) for one meeting with a working session, a rapporteur, 40 invitations and a linked document, signed in with a bearer token as the secretariat (who sees everything). N clients each send one request after another over keep-alive connections; {MeetingPage.WarmUp.TotalSeconds:0} s warm-up, then {options.GraphQLDuration.TotalSeconds:0} s measured.").AppendLine();
        md.AppendLine("The floor is `GET /bench-floor/meetings/{id}`: a minimal-API endpoint with routing and the same authentication, one call to the same grain method (`IMeetingGrain.GetAsync`) and System.Text.Json writing the same JSON. It is not part of the server: the benchmark loads it into the server process it starts, through a .NET startup hook and an ASP.NET Core hosting startup (`MeetingPageFloor.cs`, `StartupHook.cs`).");
        md.AppendLine($"The floor's response equals the GraphQL response (compared as JSON before the runs): {(SameJson == true ? "yes" : "**no**")}; response size {GraphQL.FirstOrDefault()?.ResponseBytes} bytes (GraphQL), {GraphQLFloor.FirstOrDefault()?.ResponseBytes} bytes (floor).").AppendLine();
        md.AppendLine("| system | clients | requests | failed | requests/s | p50 ms | p99 ms | server CPU % |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in GraphQL.Zip(GraphQLFloor).SelectMany(p => (LoadResult[])[p.First, p.Second]))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.System} | {r.Clients} | {r.Requests} | {r.Failures} | {r.RequestsPerSecond:0} | {r.Latencies.Percentile(50):0.00} | {r.Latencies.Percentile(99):0.00} | {r.ServerCpuPercent:0} |"));
        md.AppendLine();
        md.AppendLine("Ratios from the same run (GraphQL ÷ floor):").AppendLine();
        foreach (var (graphQL, floor) in GraphQL.Zip(GraphQLFloor))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {graphQL.Clients} clients: requests/s ×{graphQL.RequestsPerSecond / floor.RequestsPerSecond:0.00}, p99 ×{graphQL.Latencies.Percentile(99) / floor.Latencies.Percentile(99):0.00}"));
        md.AppendLine();
        var best = GraphQL.MaxBy(r => r.RequestsPerSecond)!;
        var bestFloor = GraphQLFloor[GraphQL.IndexOf(best)];
        _targets.Add(string.Create(CultureInfo.InvariantCulture,
            $"{(best.RequestsPerSecond >= 3000 ? "met" : "**missed**")}: GraphQL meeting page ≥ 3,000 requests/s: {best.RequestsPerSecond:0}/s at {best.Clients} clients"));
        _targets.Add(string.Create(CultureInfo.InvariantCulture,
            $"{(best.RequestsPerSecond >= 0.6 * bestFloor.RequestsPerSecond ? "met" : "**missed**")}: GraphQL meeting page ≥ 0.6× its floor: ×{best.RequestsPerSecond / bestFloor.RequestsPerSecond:0.00} at {best.Clients} clients ({bestFloor.RequestsPerSecond:0}/s floor)"));
    }

    private void ScaleSection(StringBuilder md)
    {
        md.AppendLine("## Scale: meetings and people in the embedded profile").AppendLine();
        md.AppendLine($"People are imported through `importMembers` (CSV, 1,500 lines a call: a request body is at most 128 KiB) into one dialogue, {options.PeoplePerMeeting} per meeting; meetings are created through `createMeeting` by 4 concurrent clients, spread over ten years from 2031, so all are upcoming. The server is then killed and started again on the same data, so every grain is cold:").AppendLine();
        md.AppendLine("- **cold page**: the meeting-page query for a meeting nobody read since the restart (after one `{ __typename }` request, so that compiling the GraphQL path is not counted); the first includes activating the dialogue, the catalog, the credential and the person, the next ones only their meeting");
        md.AppendLine($"- **upcoming list**: the web client's `MeetingsQuery` (first 100, `upcoming: true`), as the dialogue page sends it; the first after the restart, then {options.ListRequests} one after another after a warm-up of 20");
        md.AppendLine("- **RSS**: the server process after loading (every loaded meeting and person active), right after the restart, and after the reads").AppendLine();
        md.AppendLine("| meetings | people | load s | last 200 createMeeting mean ms | RSS after load MiB | RSS after restart MiB | RSS after reads MiB | first cold page ms | cold page p50 ms | cold page max ms | first list ms | list p50 ms | list p99 ms |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Scale)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Meetings} | {r.People} | {r.LoadTime.TotalSeconds:0} | {r.LastCreates.Mean:0.0} | {r.RssAfterLoad / 1048576.0:0} | {r.RssAfterRestart / 1048576.0:0} | {r.RssAfterQueries / 1048576.0:0} | {r.FirstColdPageMs:0.0} | {r.ColdPages.Percentile(50):0.0} | {r.ColdPages.Max:0.0} | {r.FirstListMs:0.0} | {r.UpcomingList.Percentile(50):0.00} | {r.UpcomingList.Percentile(99):0.00} |"));
        md.AppendLine();
        if (Scale.Count > 1)
        {
            var (small, large) = (Scale[0], Scale[^1]);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Growth from {small.Meetings} to {large.Meetings} meetings (×{(double)large.Meetings / small.Meetings:0}): RSS after load ×{(double)large.RssAfterLoad / small.RssAfterLoad:0.00}, after reads ×{(double)large.RssAfterQueries / small.RssAfterQueries:0.00}; cold page p50 ×{large.ColdPages.Percentile(50) / small.ColdPages.Percentile(50):0.00}; first list ×{large.FirstListMs / small.FirstListMs:0.00}; list p99 ×{large.UpcomingList.Percentile(99) / small.UpcomingList.Percentile(99):0.00}."));
            md.AppendLine();
            // Flat: the largest catalog's list p99 at most 1.5 times the smallest's.
            var growth = large.UpcomingList.Percentile(99) / small.UpcomingList.Percentile(99);
            _targets.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(growth <= 1.5 ? "met" : "**missed**")}: upcoming list p99 flat from {small.Meetings:N0} to {large.Meetings:N0} meetings (at most ×1.5): {small.UpcomingList.Percentile(99):0.00} ms → {large.UpcomingList.Percentile(99):0.00} ms, ×{growth:0.00}"));
        }
        var top = Scale.MaxBy(r => r.Meetings)!;
        var peak = Math.Max(top.RssAfterLoad, top.RssAfterQueries);
        var under = peak < 1024L * 1024 * 1024;
        _targets.Add(string.Create(CultureInfo.InvariantCulture,
            $"{(under ? "met" : "**missed**")}: {top.Meetings:N0} meetings + {top.People:N0} people in under 1 GiB: {peak / 1048576.0:0} MiB at most (RSS)"));
    }

    private void StartupSection(StringBuilder md)
    {
        var sorted = Startup.Order().ToList();
        var median = sorted[sorted.Count / 2];
        md.AppendLine("## Start-up").AppendLine();
        md.AppendLine("Fresh start of the embedded profile: a new, empty data folder (schema created, silo started), from starting `dotnet Collaboration.Server.dll` to `/health/ready` answering 200 (polled every 50 ms).").AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- runs: {string.Join(", ", Startup.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s; median {median:0.00} s")).AppendLine();
        _targets.Add(string.Create(CultureInfo.InvariantCulture, $"{(median < 5 ? "met" : "**missed**")}: start-up under 5 s: median {median:0.00} s"));
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown" : "unknown";

    private static double MemoryGiB() =>
        File.Exists("/proc/meminfo") ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0 : 0;

    private static string NodeVersion()
    {
        try
        {
            using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            var version = node.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
