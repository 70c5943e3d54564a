namespace Collaboration.Benchmarks;

/// <summary>
/// What to measure. Fan-out: viewers per run, meetings, appends per second per meeting, run length, payload;
/// append cost: entries; GraphQL: concurrent clients, run length; scale: meeting counts, people per meeting,
/// cold pages and list requests to time; start-up: runs; cluster: silos (the fan-out again, on PostgreSQL).
/// <see cref="Parts"/> picks the parts to run.
/// </summary>
public sealed record BenchmarkOptions(
    int[] Viewers,
    int Meetings,
    int AppendsPerSecond,
    TimeSpan Duration,
    int AppendCostEntries,
    int PayloadChars,
    int[] GraphQLClients,
    TimeSpan GraphQLDuration,
    int[] ScaleMeetings,
    int PeoplePerMeeting,
    int ColdPages,
    int ListRequests,
    int StartupRuns,
    int ClusterSilos,
    string[] Parts,
    string? Output,
    string Command)
{
    public static readonly string[] AllParts = ["fanout", "cluster", "append", "graphql", "scale", "startup"];

    public bool Runs(string part) => Parts.Contains(part);

    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int[] Numbers(string name, string fallback) => (Value(name) ?? fallback).Split(',').Select(int.Parse).ToArray();
        return new BenchmarkOptions(
            Numbers("--viewers", "100,500,1000,2000"),
            int.Parse(Value("--meetings") ?? "20"),
            int.Parse(Value("--rate") ?? "5"),
            TimeSpan.FromSeconds(int.Parse(Value("--seconds") ?? "15")),
            int.Parse(Value("--append-entries") ?? "3000"),
            int.Parse(Value("--payload") ?? "200"),
            Numbers("--graphql-clients", "1,16,64"),
            TimeSpan.FromSeconds(int.Parse(Value("--graphql-seconds") ?? "10")),
            Numbers("--scale-meetings", "1000,10000"),
            int.Parse(Value("--people-per-meeting") ?? "10"),
            int.Parse(Value("--cold-pages") ?? "20"),
            int.Parse(Value("--list-requests") ?? "200"),
            int.Parse(Value("--startup-runs") ?? "5"),
            int.Parse(Value("--cluster-silos") ?? "3"),
            (Value("--parts") ?? string.Join(',', AllParts)).Split(','),
            Value("--output"),
            "dotnet run -c Release --project tests/Collaboration.Benchmarks -p:SkipWebClient=true -- " + string.Join(' ', args));
    }
}
