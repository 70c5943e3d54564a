namespace Collaboration.Meetings;

/// <summary>Where a partner state's delegation to a meeting stands.</summary>
public enum DelegationStatus
{
    /// <summary>The state is invited; its focal points have not named anyone yet.</summary>
    AwaitingNominations,

    /// <summary>The focal points (or the secretariat on the state's behalf) named at least one delegate.</summary>
    Nominated,

    /// <summary>The state stays away from this meeting (its focal points said so).</summary>
    Declined,
}

/// <summary>
/// A partner state invited to a meeting: its focal points nominate the delegation within the state's places; each
/// nominee then gets the invitation and answers it for themself. The secretariat sees every delegation, a focal
/// point the delegation of their own state; nobody else sees any.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.delegation")]
public sealed record Delegation(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] string PartnerStateName,
    [property: Id(2)] int Places,
    [property: Id(3)] DelegationStatus Status,
    [property: Id(4)] IReadOnlyList<Invitation> Nominees,
    [property: Id(5)] DateTimeOffset InvitedAt,
    [property: Id(6)] string? DeclineReason,
    [property: Id(7)] bool CanNominate);

/// <summary>Someone a focal point nominates who is not yet registered in the dialogue: they become a delegate of the state.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.new-delegate")]
public sealed record NewDelegate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string PreferredLanguage);

/// <summary>A delegation as the meeting list keeps it, for the participation of states over the years.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.delegation-summary")]
public sealed record DelegationSummary(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] DelegationStatus Status,
    [property: Id(2)] int Places,
    [property: Id(3)] int Nominated,
    [property: Id(4)] int Accepted);

/// <summary>
/// What an invitee tells the secretariat to take part: travel dates, a visa-support letter (with the passport details
/// the letter needs), a funding request, accessibility and dietary needs. Dates are ISO dates (<c>2026-03-14</c>) and
/// travel as text, so a bad one is reported beside every other bad field. Only the invitee and the secretariat ever
/// see it; it is erased with the person and exported with their data.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.registration-form")]
public sealed record RegistrationForm(
    [property: Id(0)] string? Arrival,
    [property: Id(1)] string? Departure,
    [property: Id(2)] bool VisaLetterRequested,
    [property: Id(3)] string? NameAsInPassport,
    [property: Id(4)] string? Nationality,
    [property: Id(5)] string? PassportNumber,
    [property: Id(6)] string? PassportExpires,
    [property: Id(7)] bool FundingRequested,
    [property: Id(8)] string? FundingNote,
    [property: Id(9)] string? AccessibilityNeeds,
    [property: Id(10)] string? DietaryNeeds);

/// <summary>An invitee's registration as the invitee and the secretariat see it; <see cref="RegisteredAt"/> is null before they register.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.registration")]
public sealed record Registration(
    [property: Id(0)] MeetingPerson Delegate,
    [property: Id(1)] InvitationStatus InvitationStatus,
    [property: Id(2)] RegistrationForm? Details,
    [property: Id(3)] int Revision,
    [property: Id(4)] DateTimeOffset? RegisteredAt,
    [property: Id(5)] DateTimeOffset? VisaLetterIssuedAt);

/// <summary>
/// What a visa-support letter says (the DOCX is written from it): the meeting, the invitee and their passport, in the
/// letter's language (the title, and the host country and nationality as the partner states' names give them).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.visa-letter-facts")]
public sealed record VisaLetterFacts(
    [property: Id(0)] string DialogueName,
    [property: Id(1)] string MeetingTitle,
    [property: Id(2)] string City,
    [property: Id(3)] string HostCountryName,
    [property: Id(4)] DateOnly Starts,
    [property: Id(5)] DateOnly Ends,
    [property: Id(6)] string NameAsInPassport,
    [property: Id(7)] string NationalityName,
    [property: Id(8)] string PassportNumber,
    [property: Id(9)] DateOnly PassportExpires,
    [property: Id(10)] DateOnly? Arrival,
    [property: Id(11)] DateOnly? Departure,
    [property: Id(12)] string? Affiliation,
    [property: Id(13)] bool FundingRequested,
    [property: Id(14)] DateOnly IssuedOn);

/// <summary>One partner state's participation in the dialogue's meetings, year by year (for the secretariat).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.state-participation")]
public sealed record StateParticipation(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] string PartnerStateName,
    [property: Id(2)] IReadOnlyList<ParticipationYear> Years);

/// <summary>
/// In one year: the meetings the state was invited to (cancelled ones not counted), those it took part in (at least
/// one delegate accepted), those it declined, those where it has not answered (no delegate accepted and it did not
/// decline), and how many of its delegates accepted in all.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.participation-year")]
public sealed record ParticipationYear(
    [property: Id(0)] int Year,
    [property: Id(1)] int Invited,
    [property: Id(2)] int TookPart,
    [property: Id(3)] int Declined,
    [property: Id(4)] int NoAnswer,
    [property: Id(5)] int Delegates);
