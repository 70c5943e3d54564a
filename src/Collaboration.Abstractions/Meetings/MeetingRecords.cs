namespace Collaboration.Meetings;

/// <summary>A text in one working language.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.localized-text")]
public sealed record LocalizedText([property: Id(0)] string Language, [property: Id(1)] string Text);

/// <summary>
/// What the secretariat sets about a meeting. A hybrid or online meeting may carry the secretariat's own
/// join link; without one, and with Microsoft Graph configured, the secretariat calendar creates a Teams
/// meeting and its link reaches the invitations. Start and end are wall-clock times in <see cref="TimeZone"/>
/// (an IANA zone such as Europe/Malta); the grain stores them as UTC beside the zone.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-details")]
public sealed record MeetingDetails(
    [property: Id(0)] IReadOnlyList<LocalizedText> Titles,
    [property: Id(1)] IReadOnlyList<LocalizedText> Descriptions,
    [property: Id(2)] MeetingType Type,
    [property: Id(3)] string? Pillar,
    [property: Id(4)] string HostCountry,
    [property: Id(5)] string City,
    [property: Id(6)] string? Venue,
    [property: Id(7)] string TimeZone,
    [property: Id(8)] DateTime StartsLocal,
    [property: Id(9)] DateTime EndsLocal,
    [property: Id(10)] IReadOnlyList<string> WorkingLanguages,
    [property: Id(11)] bool Interpretation,
    [property: Id(12)] int? Capacity,
    [property: Id(13)] MeetingVisibility Visibility,
    [property: Id(14)] bool LiveNotesForParticipants,
    [property: Id(15)] AttributionGuard AttributionGuard,
    [property: Id(16)] MeetingFormat Format = MeetingFormat.InPerson,
    [property: Id(17)] string? OnlineMeetingUrl = null);

/// <summary>A person as a meeting shows them: name and whom they represent, copied when they were named.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-person")]
public sealed record MeetingPerson(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Affiliation,
    [property: Id(3)] string? RegionalGroup);

/// <summary>
/// A working session as a caller sends it to add or change one. For a change only the fields named in
/// <see cref="Given"/> change; every other keeps its value. <see cref="Titles"/> holds the title in the
/// meeting's working languages; <see cref="Title"/> is a shorthand for the title in the meeting's first
/// language when <see cref="Titles"/> is not sent. Local times travel as text (<c>2012-05-22T09:30</c>) so the
/// grain reports a bad one beside every other bad field.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-session-form")]
public sealed record WorkingSessionInput(
    [property: Id(0)] IReadOnlyList<string> Given,
    [property: Id(1)] IReadOnlyList<LocalizedText>? Titles = null,
    [property: Id(2)] string? Title = null,
    [property: Id(3)] string? StartsLocal = null,
    [property: Id(4)] string? EndsLocal = null,
    [property: Id(5)] IReadOnlyList<string>? ModeratorIds = null,
    [property: Id(6)] string? Description = null,
    [property: Id(7)] string? DiscussionGuideDocumentId = null,
    [property: Id(8)] bool? ReviewsRecommendations = null)
{
    /// <summary>The names of every field, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> AllFields = ["titles", "title", "startsLocal", "endsLocal", "moderatorIds", "description", "discussionGuideDocumentId", "reviewsRecommendations"];

    /// <summary>Whether the caller named this field (and so changes it).</summary>
    public bool Gives(string field) => Given.Contains(field);

    /// <summary>A whole session with one title (in the meeting's first language), as grains and scripts make one.</summary>
    public static WorkingSessionInput Of(string title, DateTime startsLocal, DateTime endsLocal, IReadOnlyList<string> moderatorIds, string? description = null, string? discussionGuideDocumentId = null) =>
        new(["title", "startsLocal", "endsLocal", "moderatorIds", "description", "discussionGuideDocumentId"], null, title,
            MeetingDetailsForm.FormatLocal(startsLocal), MeetingDetailsForm.FormatLocal(endsLocal), moderatorIds, description, discussionGuideDocumentId);
}

/// <summary>
/// A working session of the agenda. <see cref="Titles"/> holds its title in the meeting's working languages;
/// <see cref="Title"/> is the one in the meeting's first language (the agenda, exports and mail print it).
/// Sessions stored before titles were kept per language have only <see cref="Title"/>: the meeting reads it as
/// the title in its first language.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-session")]
public sealed record WorkingSession(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] IReadOnlyList<MeetingPerson> Moderators,
    [property: Id(5)] string? Description,
    [property: Id(6)] string? DiscussionGuideDocumentId,
    [property: Id(7)] IReadOnlyList<LocalizedText>? Titles = null,
    [property: Id(8)] bool ReviewsRecommendations = false)
{
    /// <summary>The title in a language, else the main one.</summary>
    public string TitleIn(string language) => Titles?.FirstOrDefault(t => t.Language == language)?.Text ?? Title;
}

/// <summary>
/// Who is invited as what: a partner state (its focal points nominate a delegation of at most <see cref="Places"/>
/// people, two when not given), an organisation's staff, a city's officials (one of the dialogue's cities, by id), or
/// one person.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.invitation-target")]
public sealed record InvitationTarget(
    [property: Id(0)] string? PartnerStateCode = null,
    [property: Id(1)] string? OrganisationKey = null,
    [property: Id(4)] string? CityId = null,
    [property: Id(3)] string? PersonId = null,
    [property: Id(5)] int? Places = null);

[GenerateSerializer, Immutable, Alias("collaboration.invitation")]
public sealed record Invitation(
    [property: Id(0)] MeetingPerson Invitee,
    [property: Id(1)] InvitationStatus Status,
    [property: Id(2)] int? WaitlistPosition,
    [property: Id(3)] DateTimeOffset InvitedAt,
    [property: Id(4)] DateTimeOffset? RespondedAt,
    [property: Id(5)] string? DeliveryProblem = null);

/// <summary>
/// A document as the caller may see it. A link has a URL; an uploaded file has a storage key, size and type; a
/// document of the dialogue's library has its id there (its files, versions and languages live in the library).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-document")]
public sealed record MeetingDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DocumentKind Kind,
    [property: Id(3)] MeetingVisibility Visibility,
    [property: Id(4)] string? Url,
    [property: Id(5)] string? StorageKey,
    [property: Id(6)] string? FileName,
    [property: Id(7)] string? ContentType,
    [property: Id(8)] long? Size,
    [property: Id(9)] DateTimeOffset AddedAt,
    [property: Id(10)] string? LibraryDocumentId = null);

[GenerateSerializer, Immutable, Alias("collaboration.document-input")]
public sealed record DocumentInput(
    [property: Id(0)] string Title,
    [property: Id(1)] DocumentKind Kind,
    [property: Id(2)] MeetingVisibility Visibility,
    [property: Id(3)] string? Url,
    [property: Id(4)] string? StorageKey = null,
    [property: Id(5)] string? FileName = null,
    [property: Id(6)] string? ContentType = null,
    [property: Id(7)] long? Size = null);

/// <summary>An administrative change: who did what, when. Never about notes.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string PersonId,
    [property: Id(2)] string Action,
    [property: Id(3)] string Summary);

/// <summary>
/// Something a person should know about a change that was nevertheless made: a stable code with the values its
/// sentence needs (<c>name</c> and <c>title</c> for PERSON_BOOKED, …), so clients say it in the user's language;
/// the message says it in English.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.warning")]
public sealed record Warning(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Values = null)
{
    /// <summary>A warning with the named values its code's sentence takes.</summary>
    public static Warning Of(string code, string message, params (string Name, string Value)[] values) =>
        new(code, message, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
}

/// <summary>A meeting with everything its page shows, cut to what the caller may see.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-view")]
public sealed record MeetingView(
    [property: Id(0)] string Id,
    [property: Id(1)] string DialogueKey,
    [property: Id(2)] MeetingDetails Details,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] MeetingStatus Status,
    [property: Id(6)] string? CancellationReason,
    [property: Id(7)] int Revision,
    [property: Id(8)] int Version,
    [property: Id(9)] IReadOnlyList<WorkingSession> Sessions,
    [property: Id(10)] IReadOnlyList<MeetingPerson> CoChairs,
    [property: Id(11)] IReadOnlyList<MeetingPerson> Rapporteurs,
    [property: Id(12)] IReadOnlyList<Invitation> Invitations,
    [property: Id(13)] IReadOnlyList<MeetingPerson> Participants,
    [property: Id(14)] IReadOnlyList<MeetingDocument> Documents,
    [property: Id(15)] IReadOnlyList<AuditEntry> AuditTrail,
    [property: Id(16)] Invitation? MyInvitation,
    [property: Id(17)] int AcceptedCount,
    [property: Id(18)] int WaitlistCount,
    [property: Id(19)] bool ViewerIsSecretariat,
    [property: Id(20)] string? OnlineMeetingUrl = null,
    [property: Id(21)] IReadOnlyList<NotesApprovalView>? NotesApprovals = null,
    [property: Id(22)] MeetingPermissions? Permissions = null,
    [property: Id(23)] IReadOnlyList<Delegation>? Delegations = null,
    [property: Id(24)] Registration? MyRegistration = null);

/// <summary>A co-chair's approval of the meeting's notes, for the secretariat and the co-chairs: who and when, never about an entry.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-approval-view")]
public sealed record NotesApprovalView([property: Id(0)] MeetingPerson ApprovedBy, [property: Id(1)] DateTimeOffset ApprovedAt);

/// <summary>A meeting view and the warnings the change raised.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-change")]
public sealed record MeetingChange([property: Id(0)] MeetingView Meeting, [property: Id(1)] IReadOnlyList<Warning> Warnings);

/// <summary>
/// One row of a dialogue's meeting list: enough to list and filter without activating the meeting, and to tell
/// people what waits for them (<see cref="PendingInviteeIds"/>: invitations that can be answered and are not
/// yet; <see cref="NotesReadyForApproval"/> and <see cref="NotesApprovedByIds"/>: notes that the co-chairs can
/// approve now, and who did; <see cref="DeliveryProblems"/>: invitations the mail server refused). A newer entry
/// has a higher <see cref="Version"/>, or the same one and a higher <see cref="Stamp"/> (changes the version does
/// not count, such as approvals of the notes).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-summary")]
public sealed record MeetingSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string DialogueKey,
    [property: Id(2)] IReadOnlyList<LocalizedText> Titles,
    [property: Id(3)] MeetingType Type,
    [property: Id(4)] string? Pillar,
    [property: Id(5)] MeetingStatus Status,
    [property: Id(6)] string HostCountry,
    [property: Id(7)] string City,
    [property: Id(8)] string? Venue,
    [property: Id(9)] string TimeZone,
    [property: Id(10)] DateTimeOffset StartsAt,
    [property: Id(11)] DateTimeOffset EndsAt,
    [property: Id(12)] MeetingVisibility Visibility,
    [property: Id(13)] IReadOnlyList<string> ParticipantIds,
    [property: Id(14)] IReadOnlyList<string> BookedPersonIds,
    [property: Id(15)] IReadOnlyList<MeetingPerson> CoChairs,
    [property: Id(16)] int Revision,
    [property: Id(17)] int Version,
    [property: Id(22)] int Stamp = 0,
    [property: Id(18)] IReadOnlyList<string>? PendingInviteeIds = null,
    [property: Id(19)] bool NotesReadyForApproval = false,
    [property: Id(20)] IReadOnlyList<string>? NotesApprovedByIds = null,
    [property: Id(21)] int DeliveryProblems = 0,
    [property: Id(23)] IReadOnlyList<DelegationSummary>? Delegations = null);

/// <summary>How to filter a dialogue's meeting list.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-filter")]
public sealed record MeetingFilter(
    [property: Id(0)] bool? Upcoming = null,
    [property: Id(1)] MeetingStatus? Status = null,
    [property: Id(2)] MeetingType? Type = null,
    [property: Id(3)] string? Pillar = null,
    [property: Id(4)] string? HostCountry = null,
    [property: Id(5)] string? PersonId = null,
    [property: Id(6)] IReadOnlyList<string>? Ids = null,
    [property: Id(7)] string? TitleContains = null);

/// <summary>One page of meetings, with the cursor that continues after it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-page")]
public sealed record MeetingPage(
    [property: Id(0)] IReadOnlyList<MeetingSummary> Meetings,
    [property: Id(1)] string? EndCursor,
    [property: Id(2)] bool HasNextPage,
    [property: Id(3)] int TotalCount);

/// <summary>A time when someone is not free.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.busy-interval")]
public sealed record BusyInterval(
    [property: Id(0)] string PersonId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] string Reason);

/// <summary>What the scheduling assistant is asked: who must attend, within which dates, for how long.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.slot-request")]
public sealed record SlotRequest(
    [property: Id(0)] IReadOnlyList<string> PersonIds,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] int MaxResults = 10);

[GenerateSerializer, Immutable, Alias("collaboration.slot")]
public sealed record Slot([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End);
