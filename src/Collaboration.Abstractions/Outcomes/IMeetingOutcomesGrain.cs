namespace Collaboration.Outcomes;

/// <summary>
/// A meeting's conclusions and recommendations (keyed like the meeting, <c>{dialogueKey}/{meetingId}</c>), and
/// the follow-up of its recommendations. The caller is checked and then forgotten: no drafter, adopter,
/// translator or reporter is written, logged or sent.
/// </summary>
[Alias("collaboration.meeting-outcomes-grain")]
public interface IMeetingOutcomesGrain : IGrainWithStringKey
{
    /// <summary>The outcomes as the caller may see them.</summary>
    [Alias("get")]
    Task<MeetingOutcomes> GetAsync(Caller caller);

    /// <summary>The published outcomes of a public meeting, for someone not signed in (NOT_FOUND when the meeting is not public).</summary>
    [Alias("get-public")]
    Task<MeetingOutcomes> GetPublicAsync();

    /// <summary>Drafts an outcome (note-takers, while the meeting is in progress or concluded and its outcomes are not published).</summary>
    [Alias("propose")]
    Task<MeetingOutcomes> ProposeAsync(Caller caller, OutcomeInput input, string? idempotencyKey = null);

    /// <summary>Rewrites a proposed outcome at the version the note-taker saw (CONFLICT when stale).</summary>
    [Alias("edit")]
    Task<MeetingOutcomes> EditAsync(Caller caller, string outcomeId, int expectedVersion, OutcomeInput input);

    /// <summary>Withdraws a proposed outcome (note-takers); the others keep their numbers in order.</summary>
    [Alias("withdraw")]
    Task<MeetingOutcomes> WithdrawAsync(Caller caller, string outcomeId, int expectedVersion);

    /// <summary>Adopts a proposed outcome at the version read (a co-chair, or the secretariat when the meeting has none).</summary>
    [Alias("adopt")]
    Task<MeetingOutcomes> AdoptAsync(Caller caller, string outcomeId, int expectedVersion);

    /// <summary>Publishes the adopted outcomes (the secretariat), once none is left only proposed.</summary>
    [Alias("publish")]
    Task<MeetingOutcomes> PublishAsync(Caller caller);

    /// <summary>
    /// Translates an outcome into another of the meeting's languages, at the version of the original read and the
    /// revision of the translation read (0 for none) (translators and the secretariat); CONFLICT when either changed.
    /// </summary>
    [Alias("translate")]
    Task<MeetingOutcomes> TranslateAsync(Caller caller, string outcomeId, string language, NoteText text, int sourceVersion, int expectedRevision = 0);

    /// <summary>Reports progress on a published recommendation for a party it addresses (that party's focal points or members, or the secretariat).</summary>
    [Alias("report-progress")]
    Task<MeetingOutcomes> ReportProgressAsync(Caller caller, string outcomeId, Addressee reportedFor, FollowUpStatus status, NoteText text, string? idempotencyKey = null);

    /// <summary>Turns a published recommendation into an action item of a working group it addresses (the secretariat or the group's chairs); linked both ways.</summary>
    [Alias("spawn-action-item")]
    Task<MeetingOutcomes> SpawnActionItemAsync(Caller caller, string outcomeId, string workingGroupId, WorkingGroups.ActionItemInput item, string? idempotencyKey = null);

    /// <summary>Turns a published recommendation into an expert exchange request of a partner state it addresses; linked both ways.</summary>
    [Alias("spawn-exchange-request")]
    Task<MeetingOutcomes> SpawnExchangeRequestAsync(Caller caller, string outcomeId, Exchanges.ExchangeRequest request, string? idempotencyKey = null);
}

/// <summary>
/// A dialogue's published recommendations and their follow-up (keyed by the dialogue's key), kept by each
/// meeting's outcomes grain, for the follow-up page and for a later meeting's review.
/// </summary>
[Alias("collaboration.follow-up-index")]
public interface IFollowUpIndexGrain : IGrainWithStringKey
{
    /// <summary>Records a recommendation as it stands now (its outcomes grain calls it after each change).</summary>
    [Alias("put")]
    Task PutAsync(RecommendationFollowUp recommendation);

    /// <summary>The dialogue's published recommendations for a member, optionally of one pillar or year, by year then meeting then number.</summary>
    [Alias("list")]
    Task<IReadOnlyList<RecommendationFollowUp>> ListAsync(Caller caller, string? pillar, int? year);

    /// <summary>
    /// What a meeting's review of recommendations lists: the published recommendations of the dialogue's earlier
    /// meetings (started before <paramref name="startsAt"/>, or of an earlier or the same year when an older entry
    /// has no start) that are still open or in progress, among those the caller may see. Empty for anyone who is
    /// not a member of the dialogue (a public meeting's anonymous or outside readers), never NOT_FOUND.
    /// </summary>
    [Alias("to-review")]
    Task<IReadOnlyList<RecommendationFollowUp>> ToReviewAsync(Caller? caller, string meetingId, DateTimeOffset startsAt);
}
