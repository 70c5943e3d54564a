namespace Collaboration.Meetings;

/// <summary>What a meeting grain stores.</summary>
[GenerateSerializer, Alias("collaboration.meeting-state")]
public sealed class MeetingState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public MeetingDetails? Details { get; set; }
    [Id(2)] public DateTimeOffset StartsAt { get; set; }
    [Id(3)] public DateTimeOffset EndsAt { get; set; }
    [Id(4)] public MeetingStatus Status { get; set; }
    [Id(5)] public string? CancellationReason { get; set; }
    [Id(6)] public int Revision { get; set; }
    [Id(7)] public int Version { get; set; }
    [Id(8)] public List<WorkingSession> Sessions { get; set; } = [];
    [Id(9)] public List<MeetingPerson> CoChairs { get; set; } = [];
    [Id(10)] public List<MeetingPerson> Rapporteurs { get; set; } = [];
    [Id(11)] public List<StoredInvitation> Invitations { get; set; } = [];
    [Id(12)] public List<MeetingDocument> Documents { get; set; } = [];
    [Id(13)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(14)] public long NextWaitlistTicket { get; set; } = 1;

    /// <summary>Invitations and cancellations written with the change that caused them, until the outbox has them.</summary>
    [Id(15)] public List<OutboxItem> PendingMail { get; set; } = [];

    /// <summary>The reminders already sent, as "start ticks|offset ticks": a moved meeting is reminded again.</summary>
    [Id(16)] public List<string> RemindersSent { get; set; } = [];

    /// <summary>The meeting's event in the secretariat's calendar (Microsoft Graph), once it was created.</summary>
    [Id(17)] public string? SecretariatEventId { get; set; }

    /// <summary>The Teams join link the secretariat's calendar made for a hybrid or online meeting.</summary>
    [Id(18)] public string? TeamsJoinUrl { get; set; }

    /// <summary>What the secretariat's calendar was last asked to hold, as a hash: an unchanged event is not synced again.</summary>
    [Id(19)] public string? SecretariatEventFingerprint { get; set; }

    /// <summary>How many calendar syncs were queued: each gets its own outbox id.</summary>
    [Id(20)] public int SecretariatSyncs { get; set; }

    /// <summary>The co-chairs' approvals of the notes, each with the notes' change number it approved; never linked to an entry.</summary>
    [Id(21)] public List<NotesApproval> NotesApprovals { get; set; } = [];

    /// <summary>The idempotency keys of creating requests done here (see <see cref="RequestKeys"/>).</summary>
    [Id(22)] public List<string> Requests { get; set; } = [];

    /// <summary>Where the sign-off of the notes stands, as the notes grain last told (no note-taker's identity in it).</summary>
    [Id(23)] public NotesSignOffFacts? NotesSignOff { get; set; }

    /// <summary>Grows with each change the version does not count, so the catalog takes the newer list entry.</summary>
    [Id(24)] public int SummaryStamp { get; set; }

    /// <summary>The partner states invited as states: their focal points nominate the delegates.</summary>
    [Id(25)] public List<StoredDelegation> Delegations { get; set; } = [];

    /// <summary>The invitees' registrations (travel, passport, needs): for the invitee and the secretariat only.</summary>
    [Id(26)] public List<StoredRegistration> Registrations { get; set; } = [];
}

/// <summary>
/// A partner state invited to the meeting; whether its focal points were told to nominate (once the meeting is
/// announced), and which (a focal point named later is told then). Delegations stored before the list was kept
/// have none: their focal points of the time were told.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-delegation")]
public sealed record StoredDelegation(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] int Places,
    [property: Id(2)] DelegationStatus Status,
    [property: Id(3)] DateTimeOffset InvitedAt,
    [property: Id(4)] string? DeclineReason,
    [property: Id(5)] bool FocalPointsNotified,
    [property: Id(6)] IReadOnlyList<string>? FocalPointsTold = null);

/// <summary>An invitee's registration as stored; the revision grows with each save.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-registration")]
public sealed record StoredRegistration(
    [property: Id(0)] string PersonId,
    [property: Id(1)] RegistrationForm Form,
    [property: Id(2)] int Revision,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] DateTimeOffset? VisaLetterIssuedAt);

/// <summary>A co-chair (or, in a meeting without co-chairs, a secretariat member) approved the notes as they stood at a change number.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-approval")]
public sealed record NotesApproval(
    [property: Id(0)] string PersonId,
    [property: Id(1)] long AtChange,
    [property: Id(2)] DateTimeOffset ApprovedAt);

/// <summary>An invitation as stored: the waitlist ticket orders the waitlist; who withdrew it matters.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-invitation")]
public sealed record StoredInvitation(
    [property: Id(0)] MeetingPerson Invitee,
    [property: Id(1)] InvitationStatus Status,
    [property: Id(2)] long? WaitlistTicket,
    [property: Id(3)] DateTimeOffset InvitedAt,
    [property: Id(4)] DateTimeOffset? RespondedAt,
    [property: Id(5)] bool WithdrawnBySecretariat,
    [property: Id(6)] string? DeliveryProblem = null,
    [property: Id(7)] string? DelegationOf = null);
