using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class DialogueSettingsInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> WorkingLanguages { get; set; } = [];
    public List<string> RegionalGroups { get; set; } = [];
    public List<string>? Pillars { get; set; }
    public int CoChairsPerMeeting { get; set; } = 2;
    public bool StrictCoChairBalance { get; set; }
    public List<string>? Topics { get; set; }

    public DialogueSettings ToSettings() => new(Name, WorkingLanguages, RegionalGroups, Description, Pillars ?? [], CoChairsPerMeeting, StrictCoChairBalance, Topics ?? []);
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
        Field<BooleanGraphType>("strictCoChairBalance").DefaultValue(false).Description("refuse co-chairs from one regional group instead of warning");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("topics").Description("the taxonomy of the registry of priorities, e.g. diaspora engagement; remittances; labour migration");
    }
}

public sealed class PartnerStateInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? YearJoined { get; set; }
    public string RegionalGroup { get; set; } = "";
    public List<string>? OtherNames { get; set; }

    public PartnerState ToPartnerState() => new(Code, Name, YearJoined, RegionalGroup, OtherNames ?? []);
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

public sealed class MembershipInput
{
    public List<DialogueRole> Roles { get; set; } = [];
    public string? PartnerStateCode { get; set; }
    public string? OrganisationKey { get; set; }
    public string? City { get; set; }

    public Membership ToMembership() => new(Roles, PartnerStateCode, OrganisationKey, City);
}

public sealed class MembershipInputType : InputObjectGraphType<MembershipInput>
{
    public MembershipInputType()
    {
        Name = "MembershipInput";
        Description = "A person's roles in a dialogue and what they represent there.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueRoleType>>>>("roles").Description("One or more roles; a person with none is not a member.");
        Field<StringGraphType>("partnerStateCode").Description("for focal points and delegates");
        Field<StringGraphType>("organisationKey").Description("for agency staff and observers");
        Field<StringGraphType>("city").Description("for city officials");
    }
}

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
