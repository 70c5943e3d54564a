namespace Collaboration.Meetings;

/// <summary>The kinds of meeting a dialogue holds (seed 002, section 3.1).</summary>
public enum MeetingType
{
    ExpertMeeting,
    Workshop,
    Conference,
    InformalMeeting,
    StudyVisit,
    FieldMission,
    SeniorOfficialsMeeting,
}

/// <summary>Draft → Scheduled → InProgress → Concluded, or Cancelled (with a reason) before it concludes.</summary>
public enum MeetingStatus
{
    Draft,
    Scheduled,
    InProgress,
    Concluded,
    Cancelled,
}

/// <summary>Who may see a meeting.</summary>
public enum MeetingVisibility
{
    /// <summary>Its invitees, co-chairs, rapporteurs and the secretariat.</summary>
    Participants,

    /// <summary>Every member of the dialogue.</summary>
    DialogueMembers,

    /// <summary>Anyone, signed in or not (the public listing).</summary>
    Public,
}

/// <summary>What the attribution guard of the live notes does with a statement tied to a person or country.</summary>
public enum AttributionGuard
{
    /// <summary>Saves the entry and warns, offering a neutral rewording.</summary>
    Warn,

    /// <summary>Refuses the entry.</summary>
    Strict,
}

/// <summary>Where an invitee stands. Invitees set it themselves; the secretariat may only withdraw an invitation.</summary>
public enum InvitationStatus
{
    Invited,
    Accepted,
    Tentative,
    Declined,
    Withdrawn,

    /// <summary>Accepted while the meeting was full: holds a place in the ordered waitlist.</summary>
    Waitlisted,
}

/// <summary>The answers an invitee can give.</summary>
public enum InvitationResponse
{
    Accept,
    Tentative,
    Decline,
    Withdraw,
}

/// <summary>What a meeting or library document is (new values go at the end: stored states hold the number).</summary>
public enum DocumentKind
{
    DiscussionGuide,
    Presentation,
    Conclusions,
    Background,
    Other,

    /// <summary>The order of business of a meeting.</summary>
    Agenda,

    /// <summary>The note that sets out a meeting's or a theme's purpose and questions.</summary>
    ConceptNote,

    /// <summary>A report: of a meeting, a study, a study visit.</summary>
    Report,
}

/// <summary>Where people attend: in the room, in the room and online, or only online.</summary>
public enum MeetingFormat
{
    InPerson,
    Hybrid,
    Online,
}
