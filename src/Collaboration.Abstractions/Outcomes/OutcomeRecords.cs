namespace Collaboration.Outcomes;

/// <summary>What a meeting produces (seed 002, section 3): what it concluded, and what it recommends to someone.</summary>
public enum OutcomeKind
{
    Conclusion,
    Recommendation,
}

/// <summary>
/// Drafted during the meeting by the note-takers (<see cref="Proposed"/>), adopted at its end by the co-chairs
/// (<see cref="Adopted"/>), then published by the secretariat with the meeting's record (<see cref="Published"/>).
/// </summary>
public enum OutcomeStatus
{
    Proposed,
    Adopted,
    Published,
}

/// <summary>Where a published recommendation stands in its follow-up across meetings.</summary>
public enum FollowUpStatus
{
    Open,
    InProgress,
    Implemented,
    Dropped,
}

/// <summary>Whom a recommendation addresses.</summary>
public enum AddresseeKind
{
    /// <summary>Every partner state of the dialogue (no key).</summary>
    PartnerStates,

    /// <summary>One partner state (key: its ISO code).</summary>
    PartnerState,

    /// <summary>A partner agency or observer organisation (key: the organisation's key).</summary>
    Organisation,

    /// <summary>The dialogue's secretariat (no key).</summary>
    Secretariat,

    /// <summary>A working group (key: the group's id).</summary>
    WorkingGroup,
}

/// <summary>A party a recommendation addresses, or for which a progress update is reported: a party, never a person.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.addressee")]
public sealed record Addressee([property: Id(0)] AddresseeKind Kind, [property: Id(1)] string? Key = null);

/// <summary>
/// An outcome's text in another working language, the version of the original it translates and that version's
/// text: when the original changes after, the translation is stale until the translator looks again, and sees what
/// changed. Nobody's name is kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcome-translation")]
public sealed record OutcomeTranslation(
    [property: Id(0)] string Language,
    [property: Id(1)] string Text,
    [property: Id(2)] int SourceVersion,
    [property: Id(3)] string? SourceText = null,
    [property: Id(4)] int Revision = 1)
{
    /// <summary>Never the text: descriptions of grain calls may be logged.</summary>
    public override string ToString() => $"({Language} translation of version {SourceVersion})";
}

/// <summary>
/// A dated progress update on a published recommendation: an administrative record of what the party it was
/// reported for has done, and the follow-up status it reports. It names the party, never a person, and nothing
/// in it links the recommendation to who said what in the meeting.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.progress-update")]
public sealed record ProgressUpdate(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset ReportedAt,
    [property: Id(2)] Addressee ReportedFor,
    [property: Id(3)] FollowUpStatus Status,
    [property: Id(4)] string Text)
{
    /// <summary>Never the text: descriptions of grain calls may be logged.</summary>
    public override string ToString() => $"(progress update: {Status})";
}

/// <summary>What a recommendation spawned.</summary>
public enum OutcomeLinkKind
{
    /// <summary>A working group's action item (id: <c>{workingGroupId}#{itemId}</c>).</summary>
    ActionItem,

    /// <summary>A South-South expert exchange request (id: the exchange's id).</summary>
    ExchangeRequest,
}

/// <summary>Something a recommendation spawned; the spawned item links back with <see cref="OutcomeReference"/>.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcome-link")]
public sealed record OutcomeLink([property: Id(0)] OutcomeLinkKind Kind, [property: Id(1)] string Id);

/// <summary>The outcome a working-group action item or an exchange request came from.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcome-reference")]
public sealed record OutcomeReference([property: Id(0)] string MeetingId, [property: Id(1)] string OutcomeId);

/// <summary>
/// A conclusion or recommendation of a meeting, in the language it was drafted in, with its translations;
/// for a recommendation, whom it addresses, its follow-up and what it spawned. Numbered in its kind's order
/// ("Recommendation 2"). Under the Chatham House Rule it keeps no drafter, adopter or translator.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcome")]
public sealed record Outcome(
    [property: Id(0)] string Id,
    [property: Id(1)] OutcomeKind Kind,
    [property: Id(2)] int Number,
    [property: Id(3)] string? SessionId,
    [property: Id(4)] string Language,
    [property: Id(5)] string Text,
    [property: Id(6)] int Version,
    [property: Id(7)] OutcomeStatus Status,
    [property: Id(8)] IReadOnlyList<Addressee> Addressees,
    [property: Id(9)] IReadOnlyList<OutcomeTranslation> Translations,
    [property: Id(10)] FollowUpStatus FollowUp,
    [property: Id(11)] IReadOnlyList<ProgressUpdate> Progress,
    [property: Id(12)] IReadOnlyList<OutcomeLink> Links)
{
    /// <summary>The text in <paramref name="language"/>: the original, a translation of the current version, or null when none is.</summary>
    public string? TextIn(string language) =>
        language == Language ? Text : Translations.FirstOrDefault(t => t.Language == language && t.SourceVersion == Version)?.Text;

    /// <summary>Never the text: descriptions of grain calls may be logged.</summary>
    public override string ToString() => $"({Kind} {Number}, version {Version})";
}

/// <summary>A conclusion or recommendation as a note-taker drafts it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcome-input")]
public sealed record OutcomeInput(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] string Language,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyList<Addressee>? Addressees = null)
{
    public override string ToString() => $"({Kind} input)";
}

/// <summary>What the caller may do with a meeting's outcomes now.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.outcomes-permissions")]
public sealed record OutcomesPermissions(
    [property: Id(0)] bool Draft,
    [property: Id(1)] bool Adopt,
    [property: Id(2)] bool Publish,
    [property: Id(3)] bool Translate,
    [property: Id(4)] bool ReportProgress);

/// <summary>
/// A meeting's outcomes as the caller may see them: every outcome for note-takers, co-chairs, translators and
/// the secretariat; only published ones for the meeting's other viewers.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-outcomes")]
public sealed record MeetingOutcomes(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] IReadOnlyList<Outcome> Outcomes,
    [property: Id(2)] bool Published,
    [property: Id(3)] int Version,
    [property: Id(4)] OutcomesPermissions Permissions,
    [property: Id(5)] IReadOnlyDictionary<string, IReadOnlyList<Addressee>>? ViewerMayReportFor = null)
{
    /// <summary>The addressees of an outcome the caller may report progress for (none unless it is a published recommendation).</summary>
    public IReadOnlyList<Addressee> MayReportFor(string outcomeId) =>
        ViewerMayReportFor is { } all && all.TryGetValue(outcomeId, out var addressees) ? addressees : [];
}

/// <summary>
/// A published recommendation as the dialogue's follow-up page lists it: its meeting (title, pillar, year),
/// the recommendation, where it stands and its latest progress.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.recommendation-follow-up")]
public sealed record RecommendationFollowUp(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string MeetingTitle,
    [property: Id(2)] string? Pillar,
    [property: Id(3)] int Year,
    [property: Id(4)] Outcome Recommendation,
    [property: Id(5)] IReadOnlyList<Addressee>? ViewerMayReportFor = null,
    [property: Id(6)] DateTimeOffset? MeetingStartsAt = null)
{
    public override string ToString() => $"(follow-up of {Recommendation})";
}
