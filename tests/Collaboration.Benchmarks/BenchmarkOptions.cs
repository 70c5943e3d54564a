namespace Collaboration.Benchmarks;

/// <summary>What to measure: viewers per run, meetings, appends per second per meeting, run length, entries for the append-cost run.</summary>
public sealed record BenchmarkOptions(int[] Viewers, int Meetings, int AppendsPerSecond, TimeSpan Duration, int AppendCostEntries, int PayloadChars, string? Output, string Command)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchmarkOptions(
            (Value("--viewers") ?? "100,500,1000").Split(',').Select(int.Parse).ToArray(),
            int.Parse(Value("--meetings") ?? "20"),
            int.Parse(Value("--rate") ?? "5"),
            TimeSpan.FromSeconds(int.Parse(Value("--seconds") ?? "15")),
            int.Parse(Value("--append-entries") ?? "3000"),
            int.Parse(Value("--payload") ?? "200"),
            Value("--output"),
            "dotnet run -c Release --project tests/Collaboration.Benchmarks -- " + string.Join(' ', args));
    }
}
