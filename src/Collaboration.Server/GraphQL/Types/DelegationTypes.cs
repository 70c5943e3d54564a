using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class DelegationStatusEnum : EnumerationGraphType<DelegationStatus>
{
    public DelegationStatusEnum()
    {
        Name = "DelegationStatus";
        Description = "Where a partner state's delegation stands: AWAITING_NOMINATIONS (nobody named yet), NOMINATED (at least one delegate named) or DECLINED (the state stays away).";
    }
}

public sealed class DelegationGraphType : ObjectGraphType<Delegation>
{
    public DelegationGraphType()
    {
        Name = "Delegation";
        Description = "A partner state invited to a meeting: its focal points nominate its delegates within its places. The secretariat sees every delegation, a focal point their own state's.";
        Field(x => x.PartnerStateCode).Description("The state's ISO 3166-1 alpha-2 code.");
        Field(x => x.PartnerStateName).Description("The state's name as the directory has it.");
        Field(x => x.Places).Description("How many delegates the state may nominate.");
        Field(x => x.Status).Description("Where the delegation stands.");
        Field(x => x.Nominees).Description("The people nominated (not withdrawn), each with their own answer to the invitation.");
        Field(x => x.InvitedAt).Description("When the state was invited.");
        Field(x => x.DeclineReason).Description("Why the state stays away, when it declined and said why.");
        Field(x => x.CanNominate).Description("Whether the caller may nominate, withdraw nominations or decline for this state now.");
    }
}

/// <summary>A registration with what its links need: the meeting, whether the secretariat reads it, the default language of the letter.</summary>
public sealed record RegistrationRow(string MeetingId, Registration Registration, bool ForSecretariat, string DefaultLanguage);

public sealed class RegistrationGraphType : ObjectGraphType<RegistrationRow>
{
    public RegistrationGraphType()
    {
        Name = "Registration";
        Description = "An invitee's registration (travel, visa-support letter, funding, needs), for the invitee and the secretariat only. Booleans are false and texts null before they register.";
        Field(x => x.Registration.Delegate).Description("The invitee.");
        Field(x => x.Registration.InvitationStatus).Description("Their answer to the invitation so far.");
        Field<StringGraphType>("arrival").Description("The day they arrive, e.g. 2026-03-14.").Resolve(c => c.Source.Registration.Details?.Arrival);
        Field<StringGraphType>("departure").Description("The day they leave, e.g. 2026-03-17.").Resolve(c => c.Source.Registration.Details?.Departure);
        Field<NonNullGraphType<BooleanGraphType>>("visaLetterRequested").Description("Whether they asked for a visa-support letter.").Resolve(c => c.Source.Registration.Details?.VisaLetterRequested ?? false);
        Field<StringGraphType>("nameAsInPassport").Description("Their name as their passport writes it (for the visa letter).").Resolve(c => c.Source.Registration.Details?.NameAsInPassport);
        Field<StringGraphType>("nationality").Description("The ISO 3166-1 alpha-2 code of their nationality (for the visa letter).").Resolve(c => c.Source.Registration.Details?.Nationality);
        Field<StringGraphType>("passportNumber").Description("Their passport's number (for the visa letter).").Resolve(c => c.Source.Registration.Details?.PassportNumber);
        Field<StringGraphType>("passportExpires").Description("The day their passport expires, e.g. 2030-01-31 (for the visa letter).").Resolve(c => c.Source.Registration.Details?.PassportExpires);
        Field<NonNullGraphType<BooleanGraphType>>("fundingRequested").Description("Whether they ask the secretariat to fund their travel.").Resolve(c => c.Source.Registration.Details?.FundingRequested ?? false);
        Field<StringGraphType>("fundingNote").Description("What the funding request covers.").Resolve(c => c.Source.Registration.Details?.FundingNote);
        Field<StringGraphType>("accessibilityNeeds").Description("Their accessibility needs.").Resolve(c => c.Source.Registration.Details?.AccessibilityNeeds);
        Field<StringGraphType>("dietaryNeeds").Description("Their dietary needs.").Resolve(c => c.Source.Registration.Details?.DietaryNeeds);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Grows with each save; send it back as expectedRevision (0 before they register).").Resolve(c => c.Source.Registration.Revision);
        Field<DateTimeOffsetGraphType>("registeredAt").Description("When they last saved it; null before they register.").Resolve(c => c.Source.Registration.RegisteredAt);
        Field(x => x.Registration.VisaLetterIssuedAt).Description("When the secretariat last issued their visa-support letter.");
        Field<StringGraphType>("visaLetterUrl")
            .Description("Where the secretariat downloads the visa-support letter (DOCX); null for anyone else and when no letter was asked for.")
            .Argument<StringGraphType>("language", "The letter's language: ar, en or fr; the meeting's first working language when omitted.")
            .Resolve(c => c.Source.ForSecretariat && c.Source.Registration.Details?.VisaLetterRequested == true
                ? DocumentLinks.VisaLetterPath(c.Source.MeetingId, c.Source.Registration.Delegate.PersonId,
                    Language.IsSupported(c.GetArgument<string?>("language")) ? c.GetArgument<string>("language") : c.Source.DefaultLanguage)
                : null);
    }
}

public sealed class StateParticipationGraphType : ObjectGraphType<StateParticipation>
{
    public StateParticipationGraphType()
    {
        Name = "StateParticipation";
        Description = "One partner state's participation in the dialogue's meetings, year by year (for the secretariat).";
        Field(x => x.PartnerStateCode).Description("The state's ISO 3166-1 alpha-2 code.");
        Field(x => x.PartnerStateName).Description("The state's name as the directory has it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipationYearGraphType>>>>("years").Description("The years it was invited, latest first; empty when never.").Resolve(c => c.Source.Years);
    }
}

public sealed class ParticipationYearGraphType : ObjectGraphType<ParticipationYear>
{
    public ParticipationYearGraphType()
    {
        Name = "ParticipationYear";
        Description = "A state's meetings in one year (by their start, UTC), cancelled meetings not counted.";
        Field(x => x.Year).Description("The year.");
        Field(x => x.Invited).Description("The meetings the state was invited to.");
        Field(x => x.TookPart).Description("Those where at least one of its delegates accepted.");
        Field(x => x.Declined).Description("Those its focal points declined.");
        Field(x => x.NoAnswer).Description("Those where no delegate accepted and the state did not decline.");
        Field(x => x.Delegates).Description("How many of its delegates accepted, in all.");
    }
}

public sealed class RegistrationInput
{
    public string? Arrival { get; set; }
    public string? Departure { get; set; }
    public bool VisaLetterRequested { get; set; }
    public string? NameAsInPassport { get; set; }
    public string? Nationality { get; set; }
    public string? PassportNumber { get; set; }
    public string? PassportExpires { get; set; }
    public bool FundingRequested { get; set; }
    public string? FundingNote { get; set; }
    public string? AccessibilityNeeds { get; set; }
    public string? DietaryNeeds { get; set; }

    public RegistrationForm ToForm() => new(
        Arrival, Departure, VisaLetterRequested, NameAsInPassport, Nationality, PassportNumber, PassportExpires,
        FundingRequested, FundingNote, AccessibilityNeeds, DietaryNeeds);
}

public sealed class RegistrationInputType : InputObjectGraphType<RegistrationInput>
{
    public RegistrationInputType()
    {
        Name = "RegistrationInput";
        Description = "An invitee's registration. Dates are ISO dates (2026-03-14); a visa letter needs the name as in the passport, nationality, passport number and expiry. Every bad field is reported at once.";
        Field<StringGraphType>("arrival").Description("The day you arrive, e.g. 2026-03-14; not after the meeting's last day.");
        Field<StringGraphType>("departure").Description("The day you leave; not before the meeting's first day nor before your arrival.");
        Field<NonNullGraphType<BooleanGraphType>>("visaLetterRequested").Description("Whether you need a visa-support letter from the secretariat.");
        Field<StringGraphType>("nameAsInPassport").Description("Your name as your passport writes it (required for a visa letter).");
        Field<StringGraphType>("nationality").Description("Your nationality as an ISO 3166-1 alpha-2 code, e.g. MA (required for a visa letter).");
        Field<StringGraphType>("passportNumber").Description("Your passport's number: letters and digits, at most 30 (required for a visa letter).");
        Field<StringGraphType>("passportExpires").Description("The day your passport expires: after the meeting ends (required for a visa letter).");
        Field<NonNullGraphType<BooleanGraphType>>("fundingRequested").Description("Whether you ask the secretariat to fund your travel.");
        Field<StringGraphType>("fundingNote").Description("What the funding should cover (at most 1000 characters).");
        Field<StringGraphType>("accessibilityNeeds").Description("Your accessibility needs (at most 1000 characters).");
        Field<StringGraphType>("dietaryNeeds").Description("Your dietary needs (at most 1000 characters).");
    }
}

public sealed class NewDelegateInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string PreferredLanguage { get; set; } = "";

    public NewDelegate ToDelegate() => new(Name, Email, PreferredLanguage);
}

public sealed class NewDelegateInputType : InputObjectGraphType<NewDelegateInput>
{
    public NewDelegateInputType()
    {
        Name = "NewDelegateInput";
        Description = "Someone not yet registered in the dialogue whom a focal point nominates: they become a delegate of the state.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Their full name.");
        Field<NonNullGraphType<StringGraphType>>("email").Description("Their email address: the invitation and sign-in links go there.");
        Field<NonNullGraphType<StringGraphType>>("preferredLanguage").Description("The language they read mail in: ar, en or fr.");
    }
}
