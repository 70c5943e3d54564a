using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class DialogueRoleType : EnumerationGraphType<DialogueRole>
{
    public DialogueRoleType()
    {
        Name = "DialogueRole";
        Description = "What a person is in a dialogue.";
    }
}

public sealed class DialogueType : ObjectGraphType<DialogueView>
{
    public DialogueType()
    {
        Name = "Dialogue";
        Description = "A migration dialogue (such as the MTM Dialogue) and its directory.";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Settings.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Settings.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages").Resolve(c => c.Source.Settings.WorkingLanguages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regionalGroups").Resolve(c => c.Source.Settings.RegionalGroups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("pillars").Resolve(c => c.Source.Settings.Pillars ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Description("The taxonomy of the registry of priorities.").Resolve(c => c.Source.Settings.Topics ?? []);
        Field<NonNullGraphType<IntGraphType>>("coChairsPerMeeting").Resolve(c => c.Source.Settings.CoChairsPerMeeting);
        Field<NonNullGraphType<BooleanGraphType>>("strictCoChairBalance").Resolve(c => c.Source.Settings.StrictCoChairBalance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerStateType>>>>("partnerStates").Resolve(c => c.Source.PartnerStates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("partnerAgencies").Resolve(c => c.Source.PartnerAgencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("observers").Resolve(c => c.Source.Observers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberType>>>>("members").Resolve(c =>
        {
            var caller = c.OptionalCaller();
            var showContact = caller is not null && (caller.IsAdministrator
                || c.Source.Members.Any(m => m.PersonId == caller.PersonId && m.Membership.Roles.Contains(DialogueRole.Secretariat)));
            return c.Source.Members.Select(m => new MemberRow(m, showContact));
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueRoleType>>>>("viewerRoles")
            .Description("The caller's roles here (empty for an administrator who is not a member).")
            .Resolve(c =>
            {
                var caller = c.OptionalCaller();
                return c.Source.Members.FirstOrDefault(m => m.PersonId == caller?.PersonId)?.Membership.Roles ?? [];
            });
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("Grows with every change; send it back as expectedVersion so no change is silently overwritten.")
            .Resolve(c => c.Source.Version);
    }
}

public sealed class PartnerStateType : ObjectGraphType<PartnerState>
{
    public PartnerStateType()
    {
        Name = "PartnerState";
        Field<NonNullGraphType<StringGraphType>>("code").Description("ISO 3166-1 alpha-2").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<IntGraphType>("yearJoined").Resolve(c => c.Source.YearJoined);
        Field<NonNullGraphType<StringGraphType>>("regionalGroup").Resolve(c => c.Source.RegionalGroup);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("otherNames").Resolve(c => c.Source.OtherNames ?? []);
    }
}

public sealed class OrganisationType : ObjectGraphType<Organisation>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "A partner agency or an observer.";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("acronym").Resolve(c => c.Source.Acronym);
        Field<IntGraphType>("yearJoined").Resolve(c => c.Source.YearJoined);
    }
}

/// <summary>A member as one caller sees them: contact details only for the dialogue's secretariat.</summary>
public sealed record MemberRow(Member Member, bool ShowContact);

public sealed class MemberType : ObjectGraphType<MemberRow>
{
    public MemberType()
    {
        Name = "Member";
        Field<PersonType>("person").ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.Member.PersonId).FindAsync());
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.Member.PersonId);
        Field<StringGraphType>("email")
            .Description("The member's address, for the dialogue's secretariat; null for everyone else.")
            .ResolveAsync(async c => c.Source.ShowContact
                ? (await c.Grains().GetGrain<IPersonGrain>(c.Source.Member.PersonId).FindAsync())?.Profile.Email
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DialogueRoleType>>>>("roles").Resolve(c => c.Source.Member.Membership.Roles);
        Field<StringGraphType>("partnerStateCode").Resolve(c => c.Source.Member.Membership.PartnerStateCode);
        Field<StringGraphType>("organisationKey").Resolve(c => c.Source.Member.Membership.OrganisationKey);
        Field<StringGraphType>("city").Resolve(c => c.Source.Member.Membership.City);
    }
}
