namespace Collaboration.Notes;

/// <summary>
/// A meeting's Summary of Discussions in one language, as the seed's Valletta summary is laid out: the meeting
/// (title, dialogue, dates, venue, host), who took part as delegations (the co-chairing states, the partner
/// states, agencies and observers whose people accepted; never a person), the sessions with their objectives,
/// moderators and discussion guide, the notes by session (translated where a current translation exists), then
/// the published conclusions and recommendations. Under the Chatham House Rule it names no speaker or note-taker.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.discussion-summary")]
public sealed record DiscussionSummary(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string Language,
    [property: Id(2)] string DialogueName,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTime StartsLocal,
    [property: Id(5)] DateTime EndsLocal,
    [property: Id(6)] string? Venue,
    [property: Id(7)] string City,
    [property: Id(8)] string Host,
    [property: Id(9)] IReadOnlyList<string> CoChairStates,
    [property: Id(10)] IReadOnlyList<string> PartnerStates,
    [property: Id(11)] IReadOnlyList<string> PartnerAgencies,
    [property: Id(12)] IReadOnlyList<string> Observers,
    [property: Id(13)] IReadOnlyList<SummarySession> Sessions,
    [property: Id(14)] IReadOnlyList<SummaryOutcome> Conclusions,
    [property: Id(15)] IReadOnlyList<SummaryOutcome> Recommendations,
    [property: Id(16)] bool Finalized)
{
    public override string ToString() => $"(summary of {MeetingId} in {Language})";
}

/// <summary>A working session of the summary: its title in the language, objectives, moderators, discussion guide and notes.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.summary-session")]
public sealed record SummarySession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Objectives,
    [property: Id(3)] IReadOnlyList<string> Moderators,
    [property: Id(4)] string? DiscussionGuide,
    [property: Id(5)] IReadOnlyList<SummaryEntry> Entries);

/// <summary>Where an entry of the summary stands with its translation into the summary's language.</summary>
public enum SummaryTextState
{
    /// <summary>The original, in the language the summary is asked in (the meeting's first language).</summary>
    Original,

    /// <summary>A translation of the entry as it stands.</summary>
    Translated,

    /// <summary>No translation yet: the original is shown.</summary>
    NotTranslated,

    /// <summary>The translation is of an earlier version: the original is shown.</summary>
    Stale,
}

/// <summary>An entry of the summary: its text in the summary's language, or the original and why.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.summary-entry")]
public sealed record SummaryEntry([property: Id(0)] string Text, [property: Id(1)] SummaryTextState State)
{
    public override string ToString() => $"(summary entry, {State})";
}

/// <summary>A published conclusion or recommendation: its number, text in the language (or the original, marked), and whom it addresses.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.summary-outcome")]
public sealed record SummaryOutcome(
    [property: Id(0)] int Number,
    [property: Id(1)] string Text,
    [property: Id(2)] bool Untranslated,
    [property: Id(3)] IReadOnlyList<SummaryAddressee> AddressedTo)
{
    public override string ToString() => $"(outcome {Number})";
}

/// <summary>A party a recommendation addresses, by kind and, for a state, organisation or group, its name.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.summary-addressee")]
public sealed record SummaryAddressee([property: Id(0)] Outcomes.AddresseeKind Kind, [property: Id(1)] string? Name);

/// <summary>
/// What the meeting tells the notes about itself for the summary in one language: no person but the moderators
/// (their names are public agenda roles), and delegations as the names of states and organisations.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.summary-facts")]
public sealed record SummaryFacts(
    [property: Id(0)] string DialogueName,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTime StartsLocal,
    [property: Id(3)] DateTime EndsLocal,
    [property: Id(4)] string? Venue,
    [property: Id(5)] string City,
    [property: Id(6)] string Host,
    [property: Id(7)] IReadOnlyList<string> CoChairStates,
    [property: Id(8)] IReadOnlyList<string> PartnerStates,
    [property: Id(9)] IReadOnlyList<string> PartnerAgencies,
    [property: Id(10)] IReadOnlyList<string> Observers,
    [property: Id(11)] IReadOnlyList<SummarySession> Sessions,
    [property: Id(12)] string Language,
    [property: Id(13)] string OriginalLanguage,
    [property: Id(14)] IReadOnlyDictionary<string, string> PartyNames);
