using System.Diagnostics;

namespace Collaboration.Server.Tests;

/// <summary>
/// An independent iCalendar reader: ical.js (the parser Thunderbird uses) under Node.js, reading a whole batch
/// in one process so a thousand calendars cost about a second. The project's build installs it
/// (<c>npm ci</c> in <c>tests/Collaboration.Server.Tests/icaljs</c>).
/// </summary>
public static class IcalJs
{
    /// <summary>A date-time as ical.js reads it: local wall time, the zone it resolved, and the instant.</summary>
    public sealed record Time(string Local, string? Tzid, bool FromFile, DateTimeOffset Utc);

    /// <summary>An event; for a recurring one, the starts of its first occurrences as asked for.</summary>
    public sealed record Event(string Uid, Time Start, Time End, IReadOnlyList<Time> Occurrences);

    /// <summary>One calendar object's events, or the error ical.js raised on it.</summary>
    public sealed record Calendar(string Key, IReadOnlyList<Event>? Events, string? Error);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyDictionary<string, Calendar>> ReadAsync(IEnumerable<(string Key, string Ics)> calendars, CancellationToken cancellationToken, int occurrences = 0)
    {
        var folder = Folder();
        if (!File.Exists(Path.Combine(folder, "node_modules", "ical.js", "package.json")))
            throw new InvalidOperationException($"ical.js is not installed in {folder}: build the test project (it runs npm ci there) or run npm ci in that folder.");
        var input = Path.Combine(Path.GetTempPath(), $"icaljs-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(calendars.Select(c => new { key = c.Key, ics = c.Ics, occurrences }), Json), cancellationToken);
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("read.mjs");
            start.ArgumentList.Add(input);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = node.StandardError.ReadToEndAsync(cancellationToken);
            await node.WaitForExitAsync(cancellationToken);
            if (node.ExitCode != 0)
                throw new InvalidOperationException($"ical.js reader exited with {node.ExitCode}: {await errors}");
            return JsonSerializer.Deserialize<List<Calendar>>(await output, Json)!.ToDictionary(c => c.Key);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string Folder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory),
            "tests", "Collaboration.Server.Tests", "icaljs");
    }
}
