namespace Collaboration.Meetings;

/// <summary>
/// One meeting, keyed <c>{dialogueKey}/{meetingId}</c>: its details, lifecycle, agenda, co-chairs,
/// rapporteurs, invitations with waitlist, documents and administrative audit. The dialogue's secretariat
/// runs it; invitees answer for themselves; whoever may not see it gets NOT_FOUND.
/// </summary>
[Alias("collaboration.meeting")]
public interface IMeetingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the meeting as a draft; only the dialogue's secretariat may. Every field is checked and every bad
    /// one reported at once. A retry with the same idempotency key answers the meeting the first request created.
    /// </summary>
    [Alias("create")]
    Task<MeetingChange> CreateAsync(Caller caller, MeetingDetailsForm details, string? idempotencyKey = null);

    /// <summary>The meeting as the caller may see it (anonymous callers pass null and see public meetings only).</summary>
    [Alias("get")]
    Task<MeetingView> GetAsync(Caller? caller);

    /// <summary>
    /// Changes the details the form names, at the version the secretariat saw; every other field keeps its
    /// value. Every bad field is reported at once; moving the meeting grows the revision.
    /// </summary>
    [Alias("update-details")]
    Task<MeetingChange> UpdateDetailsAsync(Caller caller, MeetingDetailsForm changes, int expectedVersion);

    /// <summary>Draft → Scheduled.</summary>
    /// <param name="caller">Who schedules it (the secretariat).</param>
    /// <param name="chairedByCoChairs">
    /// Whether the dialogue's co-chair rule applies: a strict dialogue schedules none of its own meetings before their
    /// co-chairs are named. A working group's meeting (chaired by the group's chairs) and an expert exchange's
    /// activity (hosted by a partner state) pass false.
    /// </param>
    [Alias("schedule")]
    Task<MeetingChange> ScheduleAsync(Caller caller, bool chairedByCoChairs = true);

    /// <summary>Scheduled → InProgress.</summary>
    [Alias("open")]
    Task<MeetingChange> OpenAsync(Caller caller);

    /// <summary>InProgress → Concluded.</summary>
    [Alias("conclude")]
    Task<MeetingChange> ConcludeAsync(Caller caller);

    /// <summary>Any state before Concluded → Cancelled, with a reason participants will read.</summary>
    [Alias("cancel")]
    Task<MeetingChange> CancelAsync(Caller caller, string reason);

    /// <summary>Adds a working session inside the meeting's dates, overlapping no other.</summary>
    [Alias("add-session")]
    Task<MeetingChange> AddSessionAsync(Caller caller, WorkingSessionInput session, int expectedVersion, string? idempotencyKey = null);

    /// <summary>Changes a working session under the same rules.</summary>
    [Alias("update-session")]
    Task<MeetingChange> UpdateSessionAsync(Caller caller, string sessionId, WorkingSessionInput session, int expectedVersion);

    /// <summary>Removes a working session.</summary>
    [Alias("remove-session")]
    Task<MeetingChange> RemoveSessionAsync(Caller caller, string sessionId, int expectedVersion);

    /// <summary>Puts the sessions in the given order (every session id exactly once).</summary>
    [Alias("reorder-sessions")]
    Task<MeetingChange> ReorderSessionsAsync(Caller caller, IReadOnlyList<string> sessionIds, int expectedVersion);

    /// <summary>
    /// Names the co-chairs (at most the dialogue's number) and rapporteurs (secretariat staff); a list that is
    /// null keeps the people named now.
    /// </summary>
    [Alias("set-chairs")]
    Task<MeetingChange> SetChairsAsync(Caller caller, IReadOnlyList<string>? coChairIds, IReadOnlyList<string>? rapporteurIds, int expectedVersion);

    /// <summary>Invites partner states, organisations, cities or people of the dialogue; already-invited people stay as they are.</summary>
    [Alias("invite")]
    Task<MeetingChange> InviteAsync(Caller caller, IReadOnlyList<InvitationTarget> targets);

    /// <summary>Withdraws one person's invitation (secretariat); a freed place goes to the first on the waitlist.</summary>
    [Alias("withdraw-invitation")]
    Task<MeetingChange> WithdrawInvitationAsync(Caller caller, string personId);

    /// <summary>The invitee's own answer; accepting a full meeting puts them on the waitlist.</summary>
    [Alias("respond")]
    Task<MeetingChange> RespondAsync(Caller caller, InvitationResponse response);

    /// <summary>
    /// Answers an invitation through the signed link in the invitee's mail, without signing in. A forged,
    /// altered or expired link changes nothing and says why (UNAUTHENTICATED).
    /// </summary>
    [Alias("respond-by-link")]
    Task<MeetingChange> RespondByLinkAsync(string token, InvitationResponse response);

    /// <summary>
    /// Applies an answer that came back by mail (an iMIP REPLY from Outlook or Gmail) from the address the
    /// invitation went to. An address that is nobody's, or whose person is not invited, changes nothing.
    /// </summary>
    [Alias("respond-by-mail")]
    Task<MeetingChange?> RespondByMailAsync(string email, InvitationResponse response);

    /// <summary>Records that mail to an invitee cannot be delivered, so the secretariat sees it on the invitation.</summary>
    [Alias("report-undeliverable")]
    Task ReportUndeliverableAsync(string personId, string reason);

    /// <summary>The meeting as the secretariat's calendar should hold it (the outbox asks when it syncs).</summary>
    [Alias("secretariat-event"), Orleans.Concurrency.AlwaysInterleave]
    Task<Mail.SecretariatEvent> GetSecretariatEventAsync();

    /// <summary>
    /// Records the calendar's event id and Teams join link; a new join link reaches the invitees as an updated
    /// invitation.
    /// </summary>
    [Alias("record-secretariat-event")]
    Task RecordSecretariatEventAsync(Mail.SecretariatEventReceipt receipt);

    /// <summary>
    /// Names delegates of an invited partner state, within its places: members already registered for the state
    /// (delegates or focal points) by person id, and new people, who become delegates of the state in the dialogue.
    /// The state's focal points or the secretariat may; each nominee is invited (and mailed once the meeting is
    /// announced). Everything is checked before anything changes: NOT_A_DELEGATION for a state not invited,
    /// TOO_MANY_NOMINEES beyond the places, NOT_OF_THE_STATE for a member who represents another state.
    /// </summary>
    [Alias("nominate-delegates")]
    Task<MeetingChange> NominateDelegatesAsync(Caller caller, string partnerStateCode, IReadOnlyList<string> personIds, IReadOnlyList<NewDelegate> newDelegates);

    /// <summary>Takes back one nominee's nomination (their invitation is withdrawn and their place is free again).</summary>
    [Alias("withdraw-nomination")]
    Task<MeetingChange> WithdrawNominationAsync(Caller caller, string partnerStateCode, string personId);

    /// <summary>The state stays away from this meeting (its focal points or the secretariat say so, with an optional reason); nominating again undoes it.</summary>
    [Alias("decline-delegation")]
    Task<MeetingChange> DeclineDelegationAsync(Caller caller, string partnerStateCode, string? reason);

    /// <summary>
    /// The invitee's registration (travel, visa-support letter, funding, accessibility and dietary needs), at the
    /// revision they saw (null for the first): CONFLICT when it changed since. Only an invitee whose invitation
    /// stands may; every bad field is reported at once.
    /// </summary>
    [Alias("register")]
    Task<MeetingChange> RegisterAsync(Caller caller, RegistrationForm registration, int? expectedRevision);

    /// <summary>Every invitee's registration, for the secretariat (FORBIDDEN for other viewers, NOT_FOUND for those who do not see the meeting).</summary>
    [Alias("registrations")]
    Task<IReadOnlyList<Registration>> GetRegistrationsAsync(Caller caller);

    /// <summary>
    /// What the visa-support letter of an invitee says, for the secretariat, and records that it was issued.
    /// VALIDATION (VISA_LETTER_NOT_REQUESTED) when the invitee asked for none.
    /// </summary>
    [Alias("visa-letter")]
    Task<VisaLetterFacts> IssueVisaLetterAsync(Caller caller, string personId, string language);

    /// <summary>Adds a document: a link, or a file the host already stored.</summary>
    [Alias("add-document")]
    Task<MeetingChange> AddDocumentAsync(Caller caller, DocumentInput document, string? idempotencyKey = null);

    /// <summary>Removes a document.</summary>
    [Alias("remove-document")]
    Task<MeetingChange> RemoveDocumentAsync(Caller caller, string documentId);

    /// <summary>
    /// Lists a document of the dialogue's library among the meeting's documents (the secretariat), by reference: its
    /// files stay in the library, and readers download them there in their language. Attaching it twice changes nothing.
    /// </summary>
    [Alias("attach-library-document")]
    Task<MeetingChange> AttachLibraryDocumentAsync(Caller caller, string libraryDocumentId);

    /// <summary>A document the caller may see, for download; NOT_FOUND otherwise.</summary>
    [Alias("get-document")]
    Task<MeetingDocument> GetDocumentAsync(Caller? caller, string documentId);

    /// <summary>
    /// What the live notes need: whether the caller may view or write, the guard's strictness, the working
    /// sessions, and (when the meeting changed since <paramref name="knownVersion"/>) the names the guard
    /// looks for. NOT_FOUND when the caller may not see the meeting.
    /// </summary>
    [Alias("notes-context")]
    Task<NotesContext> GetNotesContextAsync(Caller caller, int knownVersion);

    /// <summary>
    /// Everyone the meeting names, with their roles and invitations, for the secretariat's participant list and
    /// attendance sheet: NOT_FOUND for those who do not see the meeting, FORBIDDEN for other viewers.
    /// </summary>
    [Alias("participant-list")]
    Task<ParticipantList> GetParticipantListAsync(Caller caller);

    /// <summary>
    /// What an answer link shows before the invitee confirms: the meeting and where their invitation stands.
    /// Checks the link as an answer would (a forged, altered or expired one is UNAUTHENTICATED; an invitee who no
    /// longer sees the meeting gets NOT_FOUND) and says why an invitation can no longer be answered; records nothing.
    /// </summary>
    [Alias("preview-by-link")]
    Task<InvitationLinkPreview> PreviewByLinkAsync(string token);

    /// <summary>
    /// Records where the sign-off of the notes stands (the notes grain tells it after each change of it), so the
    /// meeting's list entry says whose approval is awaited. Carries no identity of any note-taker.
    /// </summary>
    [Alias("record-notes-sign-off")]
    Task RecordNotesSignOffAsync(NotesSignOffFacts facts);

    /// <summary>The dialogue's name, the title in the given language and the agenda, for the Summary of Discussions.</summary>
    [Alias("summary-heading")]
    Task<(string DialogueName, string Title, IReadOnlyList<WorkingSession> Sessions)> GetSummaryHeadingAsync(string language);

    /// <summary>
    /// The meeting as the Summary of Discussions shows it in a language: title, dates, place, host, the co-chairing
    /// states and the delegations that accepted (names of states and organisations, never persons), the agenda
    /// with objectives, moderators and discussion guides, and the names of the parties outcomes may address. The
    /// notes grain asks it once the caller may read the notes. The language is one of the meeting's working
    /// languages (VALIDATION otherwise), the language of its first title when null.
    /// </summary>
    [Alias("summary-facts")]
    Task<SummaryFacts> GetSummaryFactsAsync(string? language);

    /// <summary>
    /// How the caller may follow the meeting live (join its hub group): as a note-taker (its secretariat,
    /// co-chairs and rapporteurs), as a reader (participants, when the meeting allows it) or not at all.
    /// NOT_FOUND when they may not even see it.
    /// </summary>
    [Alias("notes-follower")]
    Task<NotesFollower> GetNotesFollowerAsync(Caller caller);

    /// <summary>
    /// Records a co-chair's approval of the notes as they stand at a change number (the notes grain has
    /// checked that they can be approved) and answers every valid approval's change number. Audited.
    /// </summary>
    [Alias("record-notes-approval")]
    Task<IReadOnlyList<long>> RecordNotesApprovalAsync(Caller caller, long atChange);

    /// <summary>Forgets the approvals of the notes: a session was reopened and the notes may change again.</summary>
    [Alias("clear-notes-approvals")]
    Task ClearNotesApprovalsAsync();

    /// <summary>Records that the secretariat reopened the final notes, with the reason, in the administrative audit; approvals lapse.</summary>
    [Alias("record-notes-reopened")]
    Task RecordNotesReopenedAsync(Caller caller, string reason);

    /// <summary>
    /// Changes how the meeting's notes are kept (secretariat), naming only what changes: the attribution
    /// guard (strict allows no "not attribution") and whether participants follow the notes live.
    /// </summary>
    [Alias("set-notes-settings")]
    Task<MeetingChange> SetNotesSettingsAsync(Caller caller, AttributionGuard? guard, bool? liveNotesForParticipants, int expectedVersion);

    /// <summary>
    /// What the meeting holds about one person, for the export of their personal data: the title, dates,
    /// status, and their invitation and roles. Null when the meeting holds nothing about them. The caller
    /// is the person themself or an administrator; anyone else gets NOT_FOUND.
    /// </summary>
    [Alias("personal-record")]
    Task<MeetingPersonalRecord?> GetPersonalRecordAsync(Caller caller, string personId);

    /// <summary>
    /// Shows a person's current name (read from their profile) wherever the meeting names them: co-chairs,
    /// rapporteurs, moderators, invitations. Nothing changes when the name is the same.
    /// </summary>
    [Alias("refresh-person")]
    Task RefreshPersonAsync(string personId);

    /// <summary>
    /// One-way, from the dialogue (through its catalog) when someone became a focal point of a state: the focal
    /// points of a delegation still awaiting nominations who were not asked yet are asked now, as those there when
    /// the meeting was announced were. Not for transports: it checks no caller.
    /// </summary>
    [Alias("ask-new-focal-points"), Orleans.Concurrency.OneWay]
    Task AskNewFocalPointsAsync();

    /// <summary>
    /// One-way, from the dialogue's library: a document the meeting lists was removed from it (by
    /// <paramref name="removedBy"/>), so the meeting takes it off its documents, and off a working session whose
    /// discussion guide it was, and says so in its history. Not for transports: it checks no caller.
    /// </summary>
    [Alias("library-document-removed"), Orleans.Concurrency.OneWay]
    Task LibraryDocumentRemovedAsync(string libraryDocumentId, string removedBy);

    /// <summary>
    /// Replaces an erased person's name and affiliation wherever the meeting keeps them (invitation,
    /// co-chairs, rapporteurs, moderators, the audit trail) with "Erased person" (administrators only).
    /// </summary>
    [Alias("erase-person")]
    Task ErasePersonAsync(Caller caller, string personId, string name);
}
