using Orleans.Concurrency;

namespace Collaboration.Dialogues;

/// <summary>
/// Gathers what a caller sees across their dialogues, asking every dialogue (and then every catalog) at once.
/// </summary>
[StatelessWorker]
public sealed class AcrossDialoguesGrain(IGrainFactory grains) : Grain, IAcrossDialoguesGrain
{
    public async Task<IReadOnlyList<DialogueView>> GetDialoguesAsync(Caller caller)
    {
        IEnumerable<string> keys = caller.IsAdministrator
            ? await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync()
            : (await GetMembershipsAsync(caller.PersonId)).Select(m => m.Key);
        var views = await Task.WhenAll(keys.Select(async key =>
        {
            try
            {
                return await grains.GetGrain<IDialogueGrain>(key).GetAsync(caller);
            }
            catch (CollaborationException e) when (e.Code == Errors.ErrorCode.NotFound)
            {
                // Registered but never written (its creation was interrupted): not a dialogue yet.
                return null;
            }
        }));
        return [.. views.OfType<DialogueView>()];
    }

    public async Task<IReadOnlyList<DialogueMembership>> GetMembershipsAsync(string personId)
    {
        var keys = await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync();
        var memberships = await Task.WhenAll(keys.Select(async key =>
            await grains.GetGrain<IDialogueGrain>(key).GetMembershipAsync(personId) is { } membership ? new DialogueMembership(key, membership) : null));
        return [.. memberships.OfType<DialogueMembership>()];
    }

    public async Task<MeetingPage> QueryMyMeetingsAsync(Caller caller, MeetingFilter filter, int first, string? after)
    {
        // Checked here too: a caller in no dialogue reaches no catalog that would check them.
        MeetingCatalogGrain.CheckPage(first, after);
        var mine = filter with { PersonId = caller.PersonId };
        var dialogues = await GetMembershipsAsync(caller.PersonId);
        // Each catalog applies the filter, its visibility and the cursor; their pages merge into one.
        var pages = await Task.WhenAll(dialogues.Select(d => grains.GetGrain<IMeetingCatalogGrain>(d.Key).QueryAsync(caller, mine, first, after)));
        var merged = MeetingCursor.Page([.. pages.SelectMany(p => p.Meetings)], mine.Upcoming == false, null, first);
        return merged with { HasNextPage = pages.Any(p => p.HasNextPage) || merged.HasNextPage, TotalCount = pages.Sum(p => p.TotalCount) };
    }
}
