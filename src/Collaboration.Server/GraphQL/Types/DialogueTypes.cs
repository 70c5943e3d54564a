using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class DialogueRoleEnum : EnumerationGraphType<DialogueRole>
{
    public DialogueRoleEnum()
    {
        Name = "DialogueRole";
        Description = "What a person is in a dialogue.";
    }
}

public sealed class DialogueGraphType : ObjectGraphType<DialogueView>
{
    public DialogueGraphType()
    {
        Name = "Dialogue";
        Description = "A migration dialogue (such as the MTM Dialogue) and its directory.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The dialogue's short key, e.g. mtm; other fields take it as key.").Resolve(c => c.Source.Key);
        Field(x => x.Settings.Name).Description("Its name, e.g. Mediterranean Transit Migration Dialogue.");
        Field(x => x.Settings.Description).Description("What the dialogue is for, in a few sentences.");
        Field(x => x.Settings.WorkingLanguages).Description("The languages its meetings are held in (ar, en, fr), with interpretation between them.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regionalGroups").Description("The regional groups partner states belong to (e.g. European, Arab, African); co-chairs are balanced across them.").Resolve(c => c.Source.Settings.RegionalGroups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("pillars").Description("The thematic pillars its meetings are grouped under, e.g. Irregular and Mixed Migration.").Resolve(c => c.Source.Settings.Pillars ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Description("The taxonomy of the registry of priorities.").Resolve(c => c.Source.Settings.Topics ?? []);
        Field(x => x.Settings.CoChairsPerMeeting).Description("How many co-chairs each meeting has: two, classically one European and one Arab or African state.");
        Field<NonNullGraphType<BooleanGraphType>>("strictCoChairBalance").Description("Whether co-chairs against the rule are refused (true) or only warned about (false); when true, no meeting is scheduled before its co-chairs are named.").Resolve(c => c.Source.Settings.StrictCoChairBalance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("coChairPairing").Description("The two regional groups co-chairs come from, one each (e.g. European and Arab); empty when co-chairs only need to come from different groups.").Resolve(c => c.Source.Settings.CoChairPairing ?? []);
        Field(x => x.PartnerStates).Description("The partner states, with the year each joined.");
        Field(x => x.PartnerAgencies).Description("The partner agencies, e.g. IOM, UNHCR, Europol.");
        Field(x => x.Observers).Description("The observers, e.g. the League of Arab States.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberGraphType>>>>("members").Description("Everyone registered in the dialogue, with their roles and what they represent.").Resolve(c =>
        {
            var caller = c.OptionalCaller();
            var showContact = caller is not null && (caller.IsAdministrator
                || c.Source.Members.Any(m => m.PersonId == caller.PersonId && m.Membership.Roles.Contains(DialogueRole.Secretariat)));
            return c.Source.Members.Select(m => new MemberRow(m, showContact));
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueRoleEnum>>>>("viewerRoles")
            .Description("The caller's roles here (empty for an administrator who is not a member).")
            .Resolve(c =>
            {
                var caller = c.OptionalCaller();
                return c.Source.Members.FirstOrDefault(m => m.PersonId == caller?.PersonId)?.Membership.Roles ?? [];
            });
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Grows with every change; send it back as expectedVersion so no change is silently overwritten.")
            .Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DialogueViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do in the dialogue now, by the rules its mutations apply: one flag per mutation.")
            .ResolveAsync(async c => c.OptionalCaller() is { } caller
                ? await c.Grains().GetGrain<IDialogueGrain>(c.Source.Key).GetPermissionsAsync(caller)
                : new DialoguePermissions(false, false, false, false, false, false, false, false, false, false));
    }
}

public sealed class PartnerStateGraphType : ObjectGraphType<PartnerState>
{
    public PartnerStateGraphType()
    {
        Name = "PartnerState";
        Description = "A state taking part in the dialogue.";
        Field(x => x.Code).Description("ISO 3166-1 alpha-2");
        Field(x => x.Name).Description("The state's name in English, e.g. Morocco.");
        Field(x => x.YearJoined).Description("The year it joined the dialogue, when known.");
        Field(x => x.RegionalGroup).Description("The regional group it belongs to, one of Dialogue.regionalGroups.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("otherNames").Description("Its name in other languages, e.g. Maroc, المغرب; the attribution guard looks for these too.").Resolve(c => c.Source.OtherNames ?? []);
    }
}

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        Description = "A partner agency or an observer.";
        Field(x => x.Key).Description("Its short key in the directory, e.g. unhcr.");
        Field(x => x.Name).Description("Its full name, e.g. United Nations High Commissioner for Refugees.");
        Field(x => x.Acronym).Description("Its acronym, e.g. UNHCR.");
        Field(x => x.YearJoined).Description("The year it joined the dialogue, when known.");
    }
}

/// <summary>A member as one caller sees them: contact details only for the dialogue's secretariat.</summary>
public sealed record MemberRow(Member Member, bool ShowContact);

public sealed class MemberGraphType : ObjectGraphType<MemberRow>
{
    public MemberGraphType()
    {
        Name = "Member";
        Description = "A person registered in a dialogue, with their roles and what they represent.";
        Field<PersonGraphType>("person").Description("The person, while their account exists.").ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.Member.PersonId).FindAsync());
        Field(x => x.Member.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person's id.");
        Field<StringGraphType>("email")
            .Description("The member's address, for the dialogue's secretariat; null for everyone else.")
            .ResolveAsync(async c => c.Source.ShowContact
                ? (await c.Grains().GetGrain<IPersonGrain>(c.Source.Member.PersonId).FindAsync())?.Profile.Email
                : null);
        Field(x => x.Member.Membership.Roles).Description("What they are in the dialogue: secretariat, focal point, delegate, agency, observer, city official.");
        Field(x => x.Member.Membership.PartnerStateCode).Description("The partner state they represent, for focal points and delegates.");
        Field(x => x.Member.Membership.OrganisationKey).Description("The partner agency or observer they work for.");
        Field(x => x.Member.Membership.CityId, type: typeof(IdGraphType)).Description("The dialogue's city they represent, for city officials (null for a name typed before cities were chosen that matches no city).");
        Field(x => x.Member.Membership.City).Description("The name of the city they represent, for city officials.");
    }
}
