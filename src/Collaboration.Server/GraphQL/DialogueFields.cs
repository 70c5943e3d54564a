using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Dialogues and their directory: partner states, agencies, observers, members.</summary>
public static class DialogueFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueGraphType>>>>("dialogues")
            .Description("The dialogues the caller is a member of (every dialogue for an administrator).")
            .ResolveAsync(async c => await c.Grains().GetGrain<IAcrossDialoguesGrain>(0).GetDialoguesAsync(c.Caller()));

        query.Field<NonNullGraphType<DialogueGraphType>>("dialogue")
            .Description("One dialogue by key; NOT_FOUND unless the caller is a member or an administrator.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c => await Dialogue(c).GetAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DialogueGraphType>>("createDialogue")
            .Description("Creates a dialogue (administrators).")
            .Argument<NonNullGraphType<StringGraphType>>("key", "short lower-case key, e.g. mtm")
            .Argument<NonNullGraphType<DialogueSettingsInputType>>("settings", "Its name, working languages, regional groups and how its meetings are chaired.")
            // The key is checked before it becomes a grain key: Orleans refuses an empty or blank one with an exception of its own.
            .ResolveAsync(async c => await c.Grains().GetGrain<IDialogueGrain>(Validate.Key(c.GetArgument<string>("key")))
                .CreateAsync(c.Caller(), c.GetArgument<DialogueSettingsInput>("settings").ToSettings()));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("updateDialogue")
            .Description("Changes the settings sent (name, description, languages, groups, pillars, topics, chairing), keeping every other (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<DialogueSettingsChangesInputType>>("settings", "Only the settings that change; fields left out keep their values.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var settings = c.GetArgument<DialogueSettingsInput>("settings");
                return await Dialogue(c).UpdateSettingsAsync(c.Caller(), settings.ToSettings(), c.GetArgument<int>("expectedVersion"), settings.Given);
            });

        mutation.Field<NonNullGraphType<DialogueGraphType>>("addPartnerState")
            .Description("Adds a partner state (secretariat). CONFLICT when its code is already listed.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<PartnerStateInputType>>("partnerState", "The state, with its ISO code, name, regional group and the year it joined.")
            .ResolveAsync(async c => await Dialogue(c).AddPartnerStateAsync(
                c.Caller(), c.GetArgument<PartnerStateInput>("partnerState").ToPartnerState()));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("updatePartnerState")
            .Description("Changes what is sent of a partner state (name, year joined, regional group, other names), keeping the rest (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<PartnerStateChangesInputType>>("partnerState", "The state's code and only what changes; fields left out keep their values.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var state = c.GetArgument<PartnerStateInput>("partnerState");
                return await Dialogue(c).UpdatePartnerStateAsync(c.Caller(), state.ToPartnerState(), c.GetArgument<int>("expectedVersion"), state.Given);
            });

        mutation.Field<NonNullGraphType<DialogueGraphType>>("removePartnerState")
            .Description("Removes a partner state no member represents (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("code", Describe.PartnerStateCode)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c => await Dialogue(c).RemovePartnerStateAsync(
                c.Caller(), c.GetArgument<string>("code"), c.GetArgument<int>("expectedVersion")));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("addPartnerAgency")
            .Description("Adds a partner agency such as UNHCR (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<OrganisationInputType>>("organisation", "The agency, with a short key, its name and acronym.")
            .ResolveAsync(async c => await Dialogue(c).AddOrganisationAsync(
                c.Caller(), OrganisationKind.PartnerAgency, c.GetArgument<OrganisationInput>("organisation").ToOrganisation()));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("addObserver")
            .Description("Adds an observer such as the League of Arab States (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<OrganisationInputType>>("organisation", "The observer, with a short key, its name and acronym.")
            .ResolveAsync(async c => await Dialogue(c).AddOrganisationAsync(
                c.Caller(), OrganisationKind.Observer, c.GetArgument<OrganisationInput>("organisation").ToOrganisation()));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("removeOrganisation")
            .Description("Removes a partner agency or observer no member represents (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("organisationKey", Describe.OrganisationKey)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c => await Dialogue(c).RemoveOrganisationAsync(
                c.Caller(), c.GetArgument<string>("organisationKey"), c.GetArgument<int>("expectedVersion")));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("addMember")
            .Description("Registers a person by email (creating their account if needed) with roles in the dialogue (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<PersonInputType>>("person", "Who the person is; an existing account with the same address is used.")
            .Argument<NonNullGraphType<MembershipInputType>>("membership", "Their roles in the dialogue and what they represent: a partner state, an organisation or a city.")
            .ResolveAsync(async c => await Dialogue(c).AddMemberAsync(
                c.Caller(), c.GetArgument<PersonInput>("person").ToProfile(), c.GetArgument<MembershipInput>("membership").ToMembership()));

        mutation.Field<NonNullGraphType<DialogueGraphType>>("setMembership")
            .Description("Changes what is sent of an existing person's membership (roles, partner state, organisation, city), keeping the rest; a person who is not a member yet needs roles (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<IdGraphType>>("personId", Describe.PersonId)
            .Argument<NonNullGraphType<MembershipChangesInputType>>("membership", "Only what changes of their roles and affiliation; fields left out keep their values.")
            .ResolveAsync(async c =>
            {
                var membership = c.GetArgument<MembershipInput>("membership");
                return await Dialogue(c).SetMemberAsync(c.Caller(), c.GetArgument<string>("personId"), membership.ToMembership(), membership.Given);
            });

        mutation.Field<NonNullGraphType<ImportReportGraphType>>("importMembers")
            .Description("Imports people and affiliations from CSV (secretariat). Every bad line is reported; nothing is imported until the file is clean, or on a dry run.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("csv", "The file's text: a header line (email,name,preferredLanguage,roles,partnerStateCode,organisationKey,city), then one person a line.")
            .Argument<BooleanGraphType>("dryRun", "When true (the default), only checks the file and reports its problems.", a => a.DefaultValue = true)
            .ResolveAsync(async c =>
            {
                var dialogue = Dialogue(c);
                var (rows, unreadable) = MemberImport.Parse(c.GetArgument<string>("csv"));
                return await dialogue.ImportMembersAsync(c.Caller(), rows, c.GetArgument<bool>("dryRun"), unreadable);
            });

        mutation.Field<NonNullGraphType<DialogueGraphType>>("removeMember")
            .Description("Removes a person from the dialogue (secretariat); the last secretariat member stays.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<IdGraphType>>("personId", Describe.PersonId)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c => await Dialogue(c).RemoveMemberAsync(
                c.Caller(), c.GetArgument<string>("personId"), c.GetArgument<int>("expectedVersion")));
    }

    private static IDialogueGrain Dialogue(IResolveFieldContext c)
    {
        c.Caller(); // Anonymous callers learn nothing, not even whether a key is well-formed.
        return c.Grains().GetGrain<IDialogueGrain>(c.DialogueKey());
    }
}
