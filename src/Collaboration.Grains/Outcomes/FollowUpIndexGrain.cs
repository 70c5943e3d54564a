namespace Collaboration.Outcomes;

[GenerateSerializer, Alias("collaboration.follow-up-index-state")]
public sealed class FollowUpIndexState
{
    /// <summary>Each published recommendation as it stands, by <c>{meetingId}#{outcomeId}</c>.</summary>
    [Id(0)] public Dictionary<string, RecommendationFollowUp> Recommendations { get; set; } = [];
}

/// <summary>
/// A dialogue's published recommendations and their follow-up, kept current by each meeting's outcomes grain,
/// for the dialogue's members, each of whom sees those of the meetings they may see. Like the outcomes, it names
/// nobody: only parties and what they reported.
/// </summary>
public sealed class FollowUpIndexGrain(
    [PersistentState("follow-up-index", StorageNames.Grains)] IPersistentState<FollowUpIndexState> state,
    IGrainFactory grains) : Grain, IFollowUpIndexGrain
{
    public async Task PutAsync(RecommendationFollowUp recommendation)
    {
        var key = $"{recommendation.MeetingId}#{recommendation.Recommendation.Id}";
        var stored = recommendation with { ViewerMayReportFor = null };
        if (state.State.Recommendations.TryGetValue(key, out var held) && held == stored)
            return;
        state.State.Recommendations[key] = stored;
        await state.WriteOrForgetAsync();
    }

    public async Task<IReadOnlyList<RecommendationFollowUp>> ListAsync(Caller caller, string? pillar, int? year)
    {
        var dialogueKey = this.GetPrimaryKeyString();
        var directory = await grains.ForMemberAsync(dialogueKey, caller);
        var groups = await grains.GetGrain<IWorkingGroupIndexGrain>(dialogueKey).ListAsync();
        var wanted = string.IsNullOrWhiteSpace(pillar) ? null : pillar.Trim();
        var matching = state.State.Recommendations.Values.Where(r => (wanted is null || r.Pillar == wanted) && (year is null || r.Year == year)).ToList();
        // A member sees the recommendations of the meetings they may see, as the meetings themselves decide.
        var visible = (await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey).VisibleAsync(caller, [.. matching.Select(r => r.MeetingId).Distinct(StringComparer.Ordinal)]))
            .ToHashSet(StringComparer.Ordinal);
        return [.. matching
            .Where(r => visible.Contains(r.MeetingId))
            .OrderBy(r => r.Year)
            .ThenBy(r => r.MeetingStartsAt)
            .ThenBy(r => r.MeetingId, StringComparer.Ordinal)
            .ThenBy(r => r.Recommendation.Number)
            .Select(r => r with { ViewerMayReportFor = OutcomeRules.MayReportFor(r.Recommendation, caller, directory, groups) })];
    }

    public async Task<IReadOnlyList<RecommendationFollowUp>> ToReviewAsync(Caller? caller, string meetingId, DateTimeOffset startsAt)
    {
        var directory = await grains.GetGrain<IDialogueGrain>(this.GetPrimaryKeyString()).GetDirectoryAsync();
        // Only the dialogue's members follow its recommendations; others see a public meeting without them.
        if (caller is null || directory is null || !directory.Sees(caller))
            return [];
        var all = await ListAsync(caller, null, null);
        return [.. all.Where(r => r.MeetingId != meetingId
            && r.Recommendation.FollowUp is FollowUpStatus.Open or FollowUpStatus.InProgress
            && (r.MeetingStartsAt is { } starts ? starts < startsAt : r.Year <= startsAt.Year))];
    }
}
