using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DialogueGrainTests(ClusterFixture fixture)
{
    private async Task<(IDialogueGrain Dialogue, Caller Secretariat, Caller Delegate)> NewDialogueAsync()
    {
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(NewKey());
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MA", "Morocco", 2002, "Arab"));
        var withSecretariat = await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Secretariat]));
        var withDelegate = await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Delegate], "MA"));
        var secretariat = withSecretariat.Members.Single(m => m.Membership.Roles.Contains(DialogueRole.Secretariat)).PersonId;
        var @delegate = withDelegate.Members.Single(m => m.Membership.Roles.Contains(DialogueRole.Delegate)).PersonId;
        return (dialogue, new Caller(secretariat, false), new Caller(@delegate, false));
    }

    [Fact]
    public async Task Only_an_administrator_creates_a_dialogue_and_only_once()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => dialogue.CreateAsync(new Caller("someone", false), Settings())));
        var created = await dialogue.CreateAsync(Administrator, Settings("MTM"));
        Assert.Equal("MTM", created.Settings.Name);
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => dialogue.CreateAsync(Administrator, Settings("Again"))));
        Assert.Equal("MTM", (await dialogue.GetAsync(Administrator)).Settings.Name);
        Assert.Contains(key, await fixture.Grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync());
    }

    [Fact]
    public async Task A_co_chair_pairing_names_two_of_the_dialogue_s_regional_groups_and_a_refusal_changes_nothing()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var version = (await dialogue.GetAsync(secretariat)).Version;
        async Task<string?> Refused(IReadOnlyList<string> pairing, int coChairs = 2)
        {
            var e = await Assert.ThrowsAsync<CollaborationException>(() => dialogue.UpdateSettingsAsync(
                secretariat, Settings() with { CoChairPairing = pairing, CoChairsPerMeeting = coChairs }, version, ["coChairPairing", "coChairsPerMeeting"]));
            return Assert.Single(e.FieldProblems, p => p.Field == "coChairPairing").Reason;
        }

        Assert.Equal("CO_CHAIR_PAIRING_TWO_GROUPS", await Refused(["Arab"]));
        Assert.Equal("CO_CHAIR_PAIRING_TWO_GROUPS", await Refused(["Arab", "Arab"]));
        Assert.Equal("CO_CHAIR_PAIRING_TWO_GROUPS", await Refused(["European", "Arab", "African"]));
        Assert.Equal("UNKNOWN_REGIONAL_GROUP", await Refused(["European", "Asian"]));
        Assert.Equal("CO_CHAIR_PAIRING_TWO_GROUPS", await Refused(["European", "Arab"], coChairs: 1));
        Assert.Empty((await dialogue.GetAsync(secretariat)).Settings.CoChairPairing ?? []);

        var paired = await dialogue.UpdateSettingsAsync(secretariat, Settings() with { CoChairPairing = ["European", "Arab"] }, version, ["coChairPairing"]);
        Assert.Equal(["European", "Arab"], paired.Settings.CoChairPairing);
        // Another change leaves the pairing as it is; clearing it takes an empty list.
        var renamed = await dialogue.UpdateSettingsAsync(secretariat, Settings("Renamed"), paired.Version, ["name"]);
        Assert.Equal(["European", "Arab"], renamed.Settings.CoChairPairing);
        var cleared = await dialogue.UpdateSettingsAsync(secretariat, Settings() with { CoChairPairing = [] }, renamed.Version, ["coChairPairing"]);
        Assert.Empty(cleared.Settings.CoChairPairing ?? []);
    }

    [Fact]
    public async Task A_dialogue_is_invisible_to_people_outside_it()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var outsider = new Caller("outsider", false);

        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => dialogue.GetAsync(outsider)));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => dialogue.AddPartnerStateAsync(outsider, new PartnerState("TN", "Tunisia", 2002, "Arab"))));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IDialogueGrain>(NewKey()).GetAsync(secretariat)));
    }

    [Fact]
    public async Task Members_read_the_directory_and_only_the_secretariat_changes_it()
    {
        var (dialogue, secretariat, @delegate) = await NewDialogueAsync();

        var seen = await dialogue.GetAsync(@delegate);
        Assert.Equal("MA", Assert.Single(seen.PartnerStates).Code);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => dialogue.AddPartnerStateAsync(@delegate, new PartnerState("TN", "Tunisia", 2002, "Arab"))));
        var after = await dialogue.AddPartnerStateAsync(secretariat, new PartnerState("tn", " Tunisia ", 2002, "Arab"));
        Assert.Contains(after.PartnerStates, s => s is { Code: "TN", Name: "Tunisia" });
        Assert.Equal(seen.Version + 1, after.Version);
    }

    [Theory]
    [InlineData("XX", "Tunisia", 2002, "Arab", "code")]
    [InlineData("TUN", "Tunisia", 2002, "Arab", "code")]
    [InlineData("TN", "", 2002, "Arab", "name")]
    [InlineData("TN", "Tunisia", 1700, "Arab", "yearJoined")]
    [InlineData("TN", "Tunisia", 2002, "Asian", "regionalGroup")]
    public async Task Invalid_partner_states_are_refused_and_change_nothing(string code, string name, int year, string group, string field)
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var before = await dialogue.GetAsync(secretariat);

        var e = await Assert.ThrowsAsync<CollaborationException>(() => dialogue.AddPartnerStateAsync(secretariat, new PartnerState(code, name, year, group)));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(field, e.Field);
        Assert.Equal(before, await dialogue.GetAsync(secretariat), DialogueComparer.Instance);
    }

    [Fact]
    public async Task A_partner_state_is_listed_once()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var before = await dialogue.GetAsync(secretariat);

        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => dialogue.AddPartnerStateAsync(secretariat, new PartnerState("ma", "Maroc", 2003, "Arab"))));
        var after = await dialogue.GetAsync(secretariat);
        Assert.Equal("Morocco", Assert.Single(after.PartnerStates).Name);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task A_stale_version_never_overwrites_a_newer_change()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var seen = await dialogue.GetAsync(secretariat);
        await dialogue.UpdatePartnerStateAsync(secretariat, new PartnerState("MA", "Kingdom of Morocco", 2002, "Arab"), seen.Version);

        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() =>
            dialogue.UpdatePartnerStateAsync(secretariat, new PartnerState("MA", "Maroc", 2002, "Arab"), seen.Version)));
        Assert.Equal("Kingdom of Morocco", (await dialogue.GetAsync(secretariat)).PartnerStates.Single().Name);
    }

    [Fact]
    public async Task A_represented_partner_state_cannot_be_removed()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var seen = await dialogue.GetAsync(secretariat);

        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => dialogue.RemovePartnerStateAsync(secretariat, "MA", seen.Version)));
        Assert.Single((await dialogue.GetAsync(secretariat)).PartnerStates);
    }

    [Fact]
    public async Task Organisations_have_unique_keys_across_agencies_and_observers()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        await dialogue.AddOrganisationAsync(secretariat, OrganisationKind.PartnerAgency, new Organisation("unhcr", "UNHCR", "UNHCR", 2008));

        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() =>
            dialogue.AddOrganisationAsync(secretariat, OrganisationKind.Observer, new Organisation("unhcr", "Other", null, null))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() =>
            dialogue.AddOrganisationAsync(secretariat, OrganisationKind.Observer, new Organisation("League Of Arab States", "LAS", null, null))));
        var view = await dialogue.GetAsync(secretariat);
        Assert.Single(view.PartnerAgencies);
        Assert.Empty(view.Observers);
    }

    [Fact]
    public async Task Memberships_must_name_whom_the_member_represents()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var before = await dialogue.GetAsync(secretariat);

        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile(), new Membership([DialogueRole.FocalPoint]))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile(), new Membership([DialogueRole.Delegate], "TN"))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile(), new Membership([DialogueRole.Agency], OrganisationKey: "iom"))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile(), new Membership([DialogueRole.CityOfficial]))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile(), new Membership([]))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => dialogue.AddMemberAsync(secretariat, Profile("not-an-address"), new Membership([DialogueRole.Secretariat]))));

        Assert.Equal(before.Members.Count, (await dialogue.GetAsync(secretariat)).Members.Count);
    }

    [Fact]
    public async Task The_last_secretariat_member_stays()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var seen = await dialogue.GetAsync(secretariat);

        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => dialogue.RemoveMemberAsync(secretariat, secretariat.PersonId, seen.Version)));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => dialogue.SetMemberAsync(secretariat, secretariat.PersonId, new Membership([DialogueRole.Delegate], "MA"))));
    }

    [Fact]
    public async Task Adding_a_member_twice_by_address_keeps_one_person()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var email = NewEmail();

        var first = await dialogue.AddMemberAsync(secretariat, Profile(email.ToUpperInvariant()), new Membership([DialogueRole.Delegate], "MA"));
        var second = await dialogue.AddMemberAsync(secretariat, Profile(email), new Membership([DialogueRole.FocalPoint], "MA"));

        Assert.Equal(first.Members.Count, second.Members.Count);
        var personId = await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync();
        Assert.Equal([DialogueRole.FocalPoint], second.Members.Single(m => m.PersonId == personId).Membership.Roles);
    }

    /// <summary>Compares dialogue views by value, lists included.</summary>
    private sealed class DialogueComparer : IEqualityComparer<DialogueView>
    {
        public static readonly DialogueComparer Instance = new();

        public bool Equals(DialogueView? x, DialogueView? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Key == y.Key
            && x.PartnerStates.Select(s => (s.Code, s.Name, s.YearJoined, s.RegionalGroup)).SequenceEqual(y.PartnerStates.Select(s => (s.Code, s.Name, s.YearJoined, s.RegionalGroup))) && x.PartnerAgencies.SequenceEqual(y.PartnerAgencies)
            && x.Observers.SequenceEqual(y.Observers) && x.Members.Select(m => m.PersonId).SequenceEqual(y.Members.Select(m => m.PersonId));

        public int GetHashCode(DialogueView obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dialogue_keeps_its_members_names_for_the_attribution_guard_as_they_change()
    {
        var (dialogue, secretariat, _) = await NewDialogueAsync();
        var added = await dialogue.AddMemberAsync(secretariat, Profile(name: "Leila Haddad"), new Membership([DialogueRole.Delegate], "MA"));
        var leila = added.Members.Select(m => m.PersonId).Except((await dialogue.GetAsync(secretariat)).Members.Take(0).Select(m => m.PersonId))
            .Single(id => fixture.Grains.GetGrain<IPersonGrain>(id).FindAsync().Result!.Profile.Name == "Leila Haddad");
        Assert.Contains("Leila Haddad", await dialogue.GetMemberNamesAsync());

        var person = fixture.Grains.GetGrain<IPersonGrain>(leila);
        var view = (await person.FindAsync())!;
        await person.UpdateProfileAsync(new Caller(leila, false), view.Profile with { Name = "Leila Haddad-Mansour" }, view.Version);
        var names = await dialogue.GetMemberNamesAsync();
        Assert.Contains("Leila Haddad-Mansour", names);
        Assert.DoesNotContain("Leila Haddad", names);

        await dialogue.RemoveMemberAsync(secretariat, leila, (await dialogue.GetAsync(secretariat)).Version);
        Assert.DoesNotContain("Leila Haddad-Mansour", await dialogue.GetMemberNamesAsync());
    }
}
