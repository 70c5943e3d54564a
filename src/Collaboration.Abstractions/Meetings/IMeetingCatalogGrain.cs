namespace Collaboration.Meetings;

/// <summary>
/// The list of a dialogue's meetings (keyed by dialogue key): a summary per meeting that each meeting
/// keeps current, so lists, conflict checks and the scheduling assistant need no call per meeting.
/// </summary>
[Alias("collaboration.meeting-catalog")]
public interface IMeetingCatalogGrain : IGrainWithStringKey
{
    /// <summary>Records a meeting's summary; an older version than the one held is ignored.</summary>
    [Alias("upsert")]
    Task UpsertAsync(MeetingSummary summary);

    /// <summary>The meetings the caller may see that match the filter, by start time, a page at a time.</summary>
    [Alias("query")]
    Task<MeetingPage> QueryAsync(Caller? caller, MeetingFilter filter, int first, string? after);

    /// <summary>Other meetings that book any of these people, or the venue, between start and end.</summary>
    [Alias("conflicts")]
    Task<IReadOnlyList<Warning>> FindConflictsAsync(string meetingId, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<MeetingPerson> people, string city, string? venue);

    /// <summary>
    /// The ids of the meetings that name a person (organiser or invitee), for grains that keep names current
    /// (a renamed person). Not for transports: it checks no caller.
    /// </summary>
    [Alias("naming")]
    Task<IReadOnlyList<string>> MeetingsNamingAsync(string personId);

    /// <summary>
    /// One-way, from the dialogue: these states have a new focal point, so each announced meeting that invited one
    /// of them asks its new focal points to nominate (<see cref="IMeetingGrain.AskNewFocalPointsAsync"/>, one-way
    /// too: the catalog never waits on a meeting, which writes to it). Not for transports: it checks no caller.
    /// </summary>
    [Alias("new-focal-points"), Orleans.Concurrency.OneWay]
    Task NewFocalPointsAsync(IReadOnlyList<string> partnerStateCodes);

    /// <summary>
    /// What waits for the caller among the dialogue's meetings: meetings ahead, invitations to answer, notes to
    /// approve and, for the secretariat, drafts, meetings without co-chairs and refused invitations. Titles in
    /// <paramref name="language"/> where the meeting has it.
    /// </summary>
    [Alias("agenda")]
    Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller, string language);

    /// <summary>Which of these meetings the caller may see, by the rule the meetings and the lists follow.</summary>
    [Alias("visible")]
    Task<IReadOnlyList<string>> VisibleAsync(Caller caller, IReadOnlyList<string> meetingIds);

    /// <summary>
    /// Each partner state's participation in the dialogue's meetings, year by year (who takes part, who stays
    /// away), for the secretariat; FORBIDDEN for anyone else.
    /// </summary>
    [Alias("participation")]
    Task<IReadOnlyList<StateParticipation>> GetParticipationAsync(Caller caller);

    /// <summary>Slots in which every required person is free and within working hours in their time zone.</summary>
    [Alias("suggest-slots")]
    Task<IReadOnlyList<Slot>> SuggestSlotsAsync(Caller caller, SlotRequest request);

    /// <summary>Whether the caller may follow the dialogue's meeting changes: its members and secretariat; NOT_FOUND for anyone else.</summary>
    [Alias("check-follower")]
    Task CheckFollowerAsync(Caller caller);

    /// <summary>
    /// Subscribes a server's relay to the dialogue's meeting changes (renew before it expires): each accepted
    /// summary is announced by id, version and stamp only, never its content. Servers only; no caller.
    /// </summary>
    [Alias("subscribe-changes")]
    Task SubscribeAsync(IMeetingChangesObserver observer);

    /// <summary>Ends a relay's subscription.</summary>
    [Alias("unsubscribe-changes")]
    Task UnsubscribeAsync(IMeetingChangesObserver observer);
}

/// <summary>One per server: hears that a meeting of a followed dialogue changed, and tells the connections that may see it.</summary>
[Alias("collaboration.meeting-changes-observer")]
public interface IMeetingChangesObserver : IGrainObserver
{
    /// <summary>One-way: the relay asks the catalog back who may see the meeting, and the catalog must never wait on it.</summary>
    [Alias("meeting-changed"), Orleans.Concurrency.OneWay]
    Task MeetingChanged(string meetingId, int version, int stamp);
}

/// <summary>
/// A slice of a dialogue's meeting catalog (keyed <c>{dialogueKey}#{index}</c>), so that recording one
/// meeting writes one slice, however many meetings the dialogue has.
/// </summary>
[Alias("collaboration.meeting-catalog-slice")]
public interface IMeetingCatalogSliceGrain : IGrainWithStringKey
{
    [Alias("load")]
    Task<IReadOnlyList<MeetingSummary>> LoadAsync();

    [Alias("save")]
    Task SaveAsync(IReadOnlyList<MeetingSummary> meetings);
}
