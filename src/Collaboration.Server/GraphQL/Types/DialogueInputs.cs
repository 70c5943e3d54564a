using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

/// <summary>A dialogue's settings as the API receives them: in full to create one, or only what changes.</summary>
public sealed class DialogueSettingsInput : ChangesInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? WorkingLanguages { get; set; }
    public List<string>? RegionalGroups { get; set; }
    public List<string>? Pillars { get; set; }
    public int? CoChairsPerMeeting { get; set; }
    public bool? StrictCoChairBalance { get; set; }
    public List<string>? Topics { get; set; }
    public List<string>? CoChairPairing { get; set; }

    // A count sent as null is 0, which the dialogue refuses; a rule sent as null is off.
    public DialogueSettings ToSettings() =>
        new(Name!, WorkingLanguages!, RegionalGroups!, Description, Pillars ?? [], CoChairsPerMeeting ?? 0, StrictCoChairBalance ?? false, Topics ?? [], CoChairPairing ?? []);
}

public sealed class DialogueSettingsInputType : InputObjectGraphType<DialogueSettingsInput>
{
    public DialogueSettingsInputType()
    {
        Name = "DialogueSettingsInput";
        Description = "How a dialogue is set up: its name, languages, regional groups, pillars, topics and chairing rule.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The dialogue's name, e.g. Mediterranean Transit Migration Dialogue.");
        Field<StringGraphType>("description").Description("What the dialogue is for, in a few sentences.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages").Description("ar, en, fr");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regionalGroups").Description("e.g. European, Arab, African");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("pillars").Description("e.g. Irregular and Mixed Migration; Migration and Development");
        Field<IntGraphType>("coChairsPerMeeting").DefaultValue(2).Description("1 to 3");
        Field<BooleanGraphType>("strictCoChairBalance").DefaultValue(false).Description("Refuse co-chairs against the rule instead of warning, and schedule no meeting before its co-chairs are named.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("topics").Description("the taxonomy of the registry of priorities, e.g. diaspora engagement; remittances; labour migration");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("coChairPairing").Description("two of the regional groups, one co-chair from each, e.g. European, Arab; empty for none");
    }
}

/// <summary>A partner state as the API receives it: in full to add one, or its code and what changes.</summary>
public sealed class PartnerStateInput : ChangesInput
{
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public int? YearJoined { get; set; }
    public string? RegionalGroup { get; set; }
    public List<string>? OtherNames { get; set; }

    public PartnerState ToPartnerState() => new(Code, Name!, YearJoined, RegionalGroup!, OtherNames ?? []);
}

public sealed class PartnerStateInputType : InputObjectGraphType<PartnerStateInput>
{
    public PartnerStateInputType()
    {
        Name = "PartnerStateInput";
        Description = "A partner state for the directory.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("ISO 3166-1 alpha-2, e.g. MA");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The state's name in English.");
        Field<IntGraphType>("yearJoined").Description("The year it joined the dialogue.");
        Field<NonNullGraphType<StringGraphType>>("regionalGroup").Description("One of the dialogue's regional groups.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("otherNames").Description("its name in other languages, e.g. Maroc, المغرب");
    }
}

public sealed class DialogueSettingsChangesInputType() : ChangesInputGraphType<DialogueSettingsInput, DialogueSettingsInputType>(
    "DialogueSettingsChangesInput",
    "Changes to a dialogue's settings: only the fields sent change, every field left out keeps its value. "
        + "description, pillars, topics and coChairPairing may be sent as null to clear them; strictCoChairBalance sent as null is false.",
    new Dictionary<string, string>
    {
        ["description"] = "What the dialogue is for; null to remove it.",
        ["workingLanguages"] = "ar, en, fr: at least one.",
        ["regionalGroups"] = "The regional groups, at least one; a group a partner state belongs to stays.",
        ["pillars"] = "The thematic pillars (replaces them); null or empty for none.",
        ["topics"] = "The taxonomy of the registry of priorities (replaces it); null or empty for none.",
        ["coChairPairing"] = "Two of the regional groups, one co-chair from each (the MTM pairs European and Arab); null or empty for no pairing.",
    });

public sealed class PartnerStateChangesInputType() : ChangesInputGraphType<PartnerStateInput, PartnerStateInputType>(
    "PartnerStateChangesInput",
    "Changes to a partner state: its code says which; only the other fields sent change. yearJoined and otherNames may be sent as null to clear them.",
    new Dictionary<string, string>
    {
        ["code"] = "ISO 3166-1 alpha-2 of the state to change, e.g. MA",
        ["yearJoined"] = "The year it joined the dialogue; null when not known.",
        ["otherNames"] = "Its name in other languages (replaces them); null or empty for none.",
    },
    key: "code");

public sealed class OrganisationInput
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public int? YearJoined { get; set; }

    public Organisation ToOrganisation() => new(Key, Name, Acronym, YearJoined);
}

public sealed class OrganisationInputType : InputObjectGraphType<OrganisationInput>
{
    public OrganisationInputType()
    {
        Name = "OrganisationInput";
        Description = "A partner agency or observer for the directory.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("short lower-case key, e.g. unhcr");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its full name.");
        Field<StringGraphType>("acronym").Description("Its acronym, e.g. UNHCR.");
        Field<IntGraphType>("yearJoined").Description("The year it joined the dialogue.");
    }
}

/// <summary>A membership as the API receives it: in full to add a member, or only what changes.</summary>
public sealed class MembershipInput : ChangesInput
{
    public List<DialogueRole>? Roles { get; set; }
    public string? PartnerStateCode { get; set; }
    public string? OrganisationKey { get; set; }
    public string? CityId { get; set; }

    public Membership ToMembership() => new(Roles ?? [], PartnerStateCode, OrganisationKey, CityId: CityId);
}

public sealed class MembershipInputType : InputObjectGraphType<MembershipInput>
{
    public MembershipInputType()
    {
        Name = "MembershipInput";
        Description = "A person's roles in a dialogue and what they represent there.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueRoleEnum>>>>("roles").Description("One or more roles; a person with none is not a member.");
        Field<StringGraphType>("partnerStateCode").Description("for focal points and delegates");
        Field<StringGraphType>("organisationKey").Description("for agency staff and observers");
        Field<IdGraphType>("cityId").Description("For city officials: one of the dialogue's cities, by id (see the cities query).");
    }
}

public sealed class MembershipChangesInputType() : ChangesInputGraphType<MembershipInput, MembershipInputType>(
    "MembershipChangesInput",
    "Changes to a person's membership: only the fields sent change, every field left out keeps its value. "
        + "partnerStateCode, organisationKey and cityId may be sent as null to clear them.",
    new Dictionary<string, string>
    {
        ["roles"] = "Their roles (replaces them): one or more.",
        ["partnerStateCode"] = "The partner state they represent (focal points and delegates); null for none.",
        ["organisationKey"] = "The agency or observer they work for; null for none.",
        ["cityId"] = "The dialogue's city they represent (city officials), by id; null for none.",
    });

public sealed class PersonInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string PreferredLanguage { get; set; } = "en";
    public string? Organisation { get; set; }
    public string? JobTitle { get; set; }
    public string? TimeZone { get; set; }

    public PersonProfile ToProfile() => new(Name, Email, PreferredLanguage, Organisation, JobTitle, TimeZone);
}

public sealed class PersonInputType : InputObjectGraphType<PersonInput>
{
    public PersonInputType()
    {
        Name = "PersonInput";
        Description = "A person's profile.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Their name as they are addressed.");
        Field<NonNullGraphType<StringGraphType>>("email").Description("Their address: sign-in links and invitations go there, and it identifies their account.");
        Field<StringGraphType>("preferredLanguage").DefaultValue("en").Description("ar, en or fr");
        Field<StringGraphType>("organisation").Description("The ministry, agency or city they work for.");
        Field<StringGraphType>("jobTitle").Description("Their position.");
        Field<StringGraphType>("timeZone").Description("IANA zone the person works in, e.g. Africa/Casablanca");
    }
}

/// <summary>The signed-in person's own profile as the API receives it: only the fields sent change.</summary>
public sealed class ProfileChangesInput : ChangesInput
{
    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Organisation { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? TimeZone { get; set; }

    public PersonProfile ToProfile() => new(Name!, "", PreferredLanguage!, Organisation, JobTitle, TimeZone);
}

public sealed class ProfileChangesInputType : ChangesInputGraphType<ProfileChangesInput>
{
    public ProfileChangesInputType()
    {
        Name = "ProfileChangesInput";
        Description = "Changes to your own profile: only the fields sent change, every field left out keeps its value. "
            + "jobTitle, organisation and timeZone may be sent as null to remove them; name and preferredLanguage may not. The address is changed by an administrator only.";
        Field<StringGraphType>("name").Description("Your name as you are addressed; meetings, working groups and the directory show the new one.");
        Field<StringGraphType>("jobTitle").Description("Your position; null to remove it.");
        Field<StringGraphType>("organisation").Description("The ministry, agency or city you work for; null to remove it.");
        Field<StringGraphType>("preferredLanguage").Description("The language mail reaches you in: ar, en or fr.");
        Field<StringGraphType>("timeZone").Description("The IANA time zone you work in, e.g. Africa/Casablanca (scheduling suggestions respect your working hours there); null to remove it.");
    }
}
