using Orleans.Concurrency;

namespace Collaboration.Agenda;

/// <summary>
/// Gathers a person's agenda from the indexes of the dialogues they belong to (every dialogue for an
/// administrator) and, for administrators, from the outbox. It holds no rule of its own: each index answers
/// with the rules of the things it lists, and only for the caller.
/// </summary>
[StatelessWorker]
public sealed class AgendaGrain(IGrainFactory grains) : Grain, IAgendaGrain
{
    /// <summary>How far ahead a milestone counts as due soon.</summary>
    public static readonly TimeSpan MilestoneHorizon = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<AgendaItem>> GetAsync(Caller caller, string language)
    {
        var parts = new List<Task<IReadOnlyList<AgendaItem>>> { grains.GetGrain<IOutboxIndexGrain>(0).AgendaAsync(caller) };
        var keys = InstallationRules.MayAdminister(caller)
            ? await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync()
            : (await grains.GetGrain<IAcrossDialoguesGrain>(0).GetMembershipsAsync(caller.PersonId)).Select(m => m.Key).ToList();
        foreach (var key in keys)
        {
            parts.Add(grains.GetGrain<IMeetingCatalogGrain>(key).AgendaAsync(caller, language));
            parts.Add(grains.GetGrain<IExpertExchangeIndexGrain>(key).AgendaAsync(caller));
            parts.Add(grains.GetGrain<IWorkingGroupIndexGrain>(key).AgendaAsync(caller));
            parts.Add(grains.GetGrain<ICityIndexGrain>(key).AgendaAsync(caller, MilestoneHorizon));
        }
        var items = (await Task.WhenAll(parts)).SelectMany(part => part);
        // Soonest first; what has no date after what has one.
        return [.. items
            .OrderBy(i => Due(i) is null)
            .ThenBy(Due)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.Title, StringComparer.Ordinal)];
    }

    private static DateTimeOffset? Due(AgendaItem item) =>
        item.DueAt ?? (item.DueDate is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
}
