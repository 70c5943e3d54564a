using Collaboration.Meetings;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace Collaboration.Integrations.MicrosoftGraph;

/// <summary>
/// Free/busy of staff and co-chairs inside the tenant, from Graph's <c>getSchedule</c>, for the scheduling
/// assistant. People outside the tenant are unknown to Graph: for them (and for everyone when Graph does not
/// answer) the assistant has the dialogue's own meetings only. Subjects never leave Outlook: a busy time
/// says only that.
/// </summary>
public sealed partial class GraphFreeBusySource(GraphConnection graph, IGrainFactory grains, ILogger<GraphFreeBusySource> logger) : IFreeBusySource
{
    /// <summary>How many calendars one getSchedule call asks for.</summary>
    private const int BatchSize = 20;

    /// <summary>How long the assistant waits for Graph before going on without it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<BusyInterval>> GetBusyAsync(IReadOnlyList<string> personIds, DateTimeOffset from, DateTimeOffset to)
    {
        var addresses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in personIds)
        {
            if (await grains.GetGrain<People.IPersonGrain>(id).FindAsync() is { } person && InTenant(person.Profile.Email))
                addresses.TryAdd(person.Profile.Email, id);
        }
        var busy = new List<BusyInterval>();
        var unknown = personIds.Count - addresses.Count;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            foreach (var batch in addresses.Keys.Chunk(BatchSize))
            {
                var answer = await graph.CallAsync(user => user.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
                {
                    Schedules = [.. batch],
                    StartTime = Utc(from),
                    EndTime = Utc(to),
                    AvailabilityViewInterval = 15,
                }, cancellationToken: timeout.Token));
                foreach (var schedule in answer?.Value ?? [])
                {
                    if (schedule.ScheduleId is not { } address || !addresses.TryGetValue(address, out var personId) || schedule.Error is not null)
                    {
                        unknown++;
                        continue;
                    }
                    busy.AddRange((schedule.ScheduleItems ?? [])
                        .Where(item => item.Status is not (FreeBusyStatus.Free or FreeBusyStatus.Unknown))
                        .Select(item => new BusyInterval(personId, Parse(item.Start), Parse(item.End), "Busy in Outlook")));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnavailable(logger, $"{e.GetType().Name}: {e.Message}");
            return busy;
        }
        if (unknown > 0)
            LogUnknown(logger, unknown);
        return busy;
    }

    private bool InTenant(string email) =>
        graph.Options.TenantDomains.Length == 0
        || graph.Options.TenantDomains.Any(d => email.EndsWith($"@{d.Trim().TrimStart('@')}", StringComparison.OrdinalIgnoreCase));

    private static DateTimeTimeZone Utc(DateTimeOffset at) =>
        new() { DateTime = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), TimeZone = "UTC" };

    private static DateTimeOffset Parse(DateTimeTimeZone? time) =>
        time?.DateTime is { } text && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : throw new FormatException("Microsoft Graph sent a schedule item without a time.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Free/busy from Microsoft Graph unavailable ({Error}); the scheduling assistant used the dialogue's meetings only")]
    private static partial void LogUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} person(s) unknown to Microsoft Graph; their free time comes from the dialogue's meetings only")]
    private static partial void LogUnknown(ILogger logger, int count);
}
