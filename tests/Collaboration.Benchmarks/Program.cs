using Collaboration.Benchmarks;

// Live-notes benchmarks against the real server on loopback, with a raw WebSocket broadcast baseline
// measured in the same run. Writes its figures, with the command and the machine, into BENCHMARKS.md.
var options = BenchmarkOptions.Parse(args);
var report = new Report(options);
await using (var server = await BenchServer.StartAsync())
{
    foreach (var viewers in options.Viewers)
    {
        report.FanOut.Add(await FanOut.RunNotesAsync(server, viewers, options));
        report.Baseline.Add(await FanOut.RunBaselineAsync(viewers, options));
    }
    report.AppendCost = await AppendCost.RunAsync(server, options);
}
var markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (options.Output is { } output)
    await File.WriteAllTextAsync(output, markdown);
