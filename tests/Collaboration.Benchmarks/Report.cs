using System.Globalization;
using System.Text;

namespace Collaboration.Benchmarks;

/// <summary>The figures of one run, written as BENCHMARKS.md.</summary>
public sealed class Report(BenchmarkOptions options)
{
    public List<FanOutResult> FanOut { get; } = [];

    public List<FanOutResult> Baseline { get; } = [];

    public IReadOnlyList<(int From, int To, Latencies Latencies)> AppendCost { get; set; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine("Run by hand, never by the test command. Every figure below comes from one run of:").AppendLine();
        md.AppendLine("```sh").AppendLine(options.Command).AppendLine("```").AppendLine();
        md.AppendLine($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():0.0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        md.AppendLine("- server: the Release build of `src/Collaboration.Server` as a child process on loopback, embedded profile (SQLite), logging at Warning; the benchmark's clients share the same two cores");
        md.AppendLine($"- load: one writer per meeting appending {options.AppendsPerSecond} entries/s of {options.PayloadChars} characters for {options.Duration.TotalSeconds:0} s after a {Collaboration.Benchmarks.FanOut.WarmUp.TotalSeconds:0} s warm-up, viewers spread evenly over {options.Meetings} meetings; latency is from the writer's send to a viewer's receipt (same clock)").AppendLine();

        md.AppendLine("## Live-notes fan-out").AppendLine();
        md.AppendLine("| system | viewers | appends | deliveries expected | delivered | p50 ms | p99 ms | max ms | delivered/s | server CPU % | server RSS MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in FanOut.Zip(Baseline).SelectMany(p => (FanOutResult[])[p.First, p.Second]))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.System} | {r.Viewers} | {r.Appends} | {r.Expected} | {r.Latencies.Count} | {r.Latencies.Percentile(50):0.0} | {r.Latencies.Percentile(99):0.0} | {r.Latencies.Max:0.0} | {r.DeliveredPerSecond:0} | {r.ServerCpuPercent:0} | {r.ServerRssBytes / 1048576.0:0} |"));
        md.AppendLine();
        foreach (var r in FanOut.Where(r => r.Acknowledgements is not null))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {r.Viewers} viewers: a writer's append was acknowledged (durably written) in p50 {r.Acknowledgements!.Percentile(50):0.0} ms, p99 {r.Acknowledgements.Percentile(99):0.0} ms"));
        md.AppendLine();
        md.AppendLine("Ratios (Collaboration ÷ floor) from the same run:").AppendLine();
        foreach (var (notes, floor) in FanOut.Zip(Baseline))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {notes.Viewers} viewers: p99 latency ×{notes.Latencies.Percentile(99) / floor.Latencies.Percentile(99):0.0}, throughput ×{notes.DeliveredPerSecond / floor.DeliveredPerSecond:0.00}"));
        md.AppendLine();

        md.AppendLine("## Cost of one append as the notes grow").AppendLine();
        md.AppendLine("One note-taker appends entries one after another, each acknowledged (written to SQLite) before the next.").AppendLine();
        md.AppendLine("| entries already stored | mean ms | p50 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (from, to, latencies) in AppendCost)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {from - 1}–{to - 1} | {latencies.Mean:0.00} | {latencies.Percentile(50):0.00} | {latencies.Percentile(99):0.00} |"));
        return md.ToString();
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown" : "unknown";

    private static double MemoryGiB() =>
        File.Exists("/proc/meminfo") ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0 : 0;
}
