using Collaboration.Cities;
using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CityGrainTests(ClusterFixture fixture)
{
    private sealed record World(string Key, Caller Secretariat, Caller TunisOfficial, Caller Delegate, ICityGrain Tunis, ICityGrain Sfax, ICityGrain Valletta);

    private async Task<World> NewWorldAsync()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("TN", "Tunisia", 2002, "Arab"));
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        async Task<Caller> Member(Membership membership)
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email), membership);
            return new Caller((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
        }
        var secretariat = await Member(new Membership([DialogueRole.Secretariat]));
        var delegate_ = await Member(new Membership([DialogueRole.Delegate], "MT"));
        var tunis = fixture.Grains.GetGrain<ICityGrain>($"{key}/tunis");
        var sfax = fixture.Grains.GetGrain<ICityGrain>($"{key}/sfax");
        var valletta = fixture.Grains.GetGrain<ICityGrain>($"{key}/valletta");
        await tunis.CreateAsync(secretariat, new CityDetails("Tunis", "TN", 1_056_000, ["Arabic", "French"]));
        await sfax.CreateAsync(secretariat, new CityDetails("Sfax", "TN", 330_000, ["Arabic"]));
        await valletta.CreateAsync(secretariat, new CityDetails("Valletta", "MT", 5_800, ["Maltese", "English"]));
        // A city official chooses one of the dialogue's cities, so the cities come first.
        var official = await Member(new Membership([DialogueRole.CityOfficial], CityId: $"{key}/tunis"));
        return new World(key, secretariat, official, delegate_, tunis, sfax, valletta);
    }

    private static CityProfileSections Sections(string overview) =>
        new(overview, "Arrivals from the south and transit north.", "A one-stop shop for newcomers.", "Municipality, NGOs.", "Yearly survey.");

    [Fact]
    public async Task A_city_profile_is_kept_by_its_officials_in_versions_with_a_visibility()
    {
        var w = await NewWorldAsync();
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => w.Tunis.SaveProfileAsync(w.Delegate, Sections("x"), MeetingVisibility.DialogueMembers, 1)));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => fixture.Grains.GetGrain<ICityGrain>($"{w.Key}/sousse").CreateAsync(w.TunisOfficial, new CityDetails("Sousse", "TN", null, []))));

        var first = await w.Tunis.SaveProfileAsync(w.TunisOfficial, Sections("First profile"), MeetingVisibility.DialogueMembers, 1);
        var second = await w.Tunis.SaveProfileAsync(w.TunisOfficial, Sections("Draft for the partners"), MeetingVisibility.Participants, first.Version);

        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => w.Tunis.SaveProfileAsync(w.TunisOfficial, Sections("stale"), MeetingVisibility.DialogueMembers, first.Version)));
        Assert.Equal(("Draft for the partners", 2), (second.Profile!.Sections.Overview, second.ProfileVersions));
        Assert.Equal("Tunis", Assert.Single(second.Officials).Affiliation);
        // A member who is no official sees the last version open to members, not the restricted one.
        Assert.Equal("First profile", (await w.Tunis.GetAsync(w.Delegate)).Profile!.Sections.Overview);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Tunis.GetProfileVersionAsync(w.Delegate, 2)));
        Assert.Equal("First profile", (await w.Tunis.GetProfileVersionAsync(w.Delegate, 1)).Sections.Overview);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Tunis.GetAsync(new Caller("stranger", false))));
    }

    [Fact]
    public async Task A_partnership_joins_cities_of_different_countries_and_keeps_its_milestones_within_the_roadmap()
    {
        var w = await NewWorldAsync();
        var partnership = fixture.Grains.GetGrain<ICityPartnershipGrain>($"{w.Key}/{Guid.NewGuid():N}");
        var start = new DateOnly(2031, 1, 1);
        var end = new DateOnly(2031, 12, 31);

        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => partnership.CreateAsync(w.Secretariat, new CityPartnershipInput([$"{w.Key}/tunis", $"{w.Key}/sfax"], "Reception", start, end))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => partnership.CreateAsync(w.Secretariat, new CityPartnershipInput([$"{w.Key}/tunis"], "Reception", start, end))));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => partnership.CreateAsync(w.TunisOfficial, new CityPartnershipInput([$"{w.Key}/tunis", $"{w.Key}/valletta"], "Reception", start, end))));
        var created = await partnership.CreateAsync(w.Secretariat, new CityPartnershipInput([$"{w.Key}/tunis", $"{w.Key}/valletta"], "Reception of newcomers", start, end));

        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => partnership.AddMilestoneAsync(w.TunisOfficial, "Too late", end.AddDays(1), created.Version)));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => partnership.AddMilestoneAsync(w.Delegate, "Visit", start.AddMonths(3), created.Version)));
        var withMilestone = await partnership.AddMilestoneAsync(w.TunisOfficial, "Peer visit to Valletta", start.AddMonths(3), created.Version);
        var milestone = Assert.Single(withMilestone.Milestones);
        var done = await partnership.SetMilestoneStatusAsync(w.TunisOfficial, milestone.Id, MilestoneStatus.Done, withMilestone.Version);
        Assert.Equal(MilestoneStatus.Done, done.Milestones[0].Status);
        Assert.True(done.ViewerMayEdit);
        Assert.False((await partnership.GetAsync(w.Delegate)).ViewerMayEdit);
        var index = fixture.Grains.GetGrain<ICityIndexGrain>(w.Key);
        Assert.Equal(2, (await index.CitiesAsync(w.Delegate)).Count(c => c.CountryCode == "TN"));
        Assert.Single(await index.PartnershipsAsync(w.Delegate));
        // To someone outside the dialogue its cities and partnerships do not exist, as the dialogue does not.
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => index.CitiesAsync(new Caller("outsider", false))));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => index.PartnershipsAsync(new Caller("outsider", false))));
    }

    [Fact]
    public async Task A_partnership_links_meetings_found_by_title_up_to_its_limit()
    {
        var w = await NewWorldAsync();
        var partnership = fixture.Grains.GetGrain<ICityPartnershipGrain>($"{w.Key}/{Guid.NewGuid():N}");
        var view = await partnership.CreateAsync(w.Secretariat, new CityPartnershipInput([$"{w.Key}/tunis", $"{w.Key}/valletta"], "Reception of newcomers", new(2031, 1, 1), new(2031, 12, 31)));
        async Task<string> MeetingAsync(string title, string arabic)
        {
            var id = $"{w.Key}/{Guid.NewGuid():N}";
            await fixture.Grains.GetGrain<IMeetingGrain>(id).CreateAsync(w.Secretariat, MeetingDetailsForm.Of(new(
                [new LocalizedText("en", title), new LocalizedText("ar", arabic)], [], MeetingType.StudyVisit, null, "TN", "Tunis", null,
                "Africa/Tunis", new DateTime(2031, 4, 14, 9, 0, 0), new DateTime(2031, 4, 14, 17, 0, 0), ["en", "ar"], true, null, MeetingVisibility.Participants, true, AttributionGuard.Warn)));
            return id;
        }
        var visit = await MeetingAsync("Study visit: Réception des nouveaux arrivants", "زيارة دراسية");
        var others = new List<string>();
        for (var i = 0; i < CityPartnershipGrain.MaxMeetings; i++)
            others.Add(await MeetingAsync($"Working session {i}", "جلسة عمل"));

        // Found by a word of any of its titles, whatever the case and accents; a search too long is refused.
        var catalog = fixture.Grains.GetGrain<IMeetingCatalogGrain>(w.Key);
        async Task<IReadOnlyList<string>> FindAsync(string words) =>
            [.. (await catalog.QueryAsync(w.Secretariat, new MeetingFilter(TitleContains: words), MeetingCatalogGrain.MaxPageSize, null)).Meetings.Select(m => m.Id)];
        Assert.Equal([visit], await FindAsync("reception DES nouveaux"));
        Assert.Equal([visit], await FindAsync("زيارة"));
        Assert.Empty(await FindAsync("Peer review"));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => catalog.QueryAsync(w.Secretariat, new MeetingFilter(TitleContains: new string('x', MeetingCatalogGrain.MaxTitleSearch + 1)), 10, null)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => catalog.QueryAsync(w.Secretariat, new MeetingFilter(Ids: [.. others, visit]), 10, null)));
        Assert.Equal([visit], (await catalog.QueryAsync(w.Secretariat, new MeetingFilter(Ids: [visit, "elsewhere/x"]), 10, null)).Meetings.Select(m => m.Id));

        // A partnership links at most its limit of meetings; the refusal changes nothing, and linking one again is no change.
        foreach (var id in others)
            view = await partnership.LinkMeetingAsync(w.Secretariat, id, view.Version);
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => partnership.LinkMeetingAsync(w.Secretariat, visit, view.Version)));
        Assert.Equal(others, (await partnership.GetAsync(w.Secretariat)).MeetingIds);
        view = await partnership.LinkMeetingAsync(w.Secretariat, others[0], view.Version);
        Assert.Equal(CityPartnershipGrain.MaxMeetings, view.MeetingIds.Count);
    }
}
