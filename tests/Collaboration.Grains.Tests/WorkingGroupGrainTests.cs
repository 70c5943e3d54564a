using Collaboration.Meetings;
using Collaboration.WorkingGroups;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WorkingGroupGrainTests(ClusterFixture fixture)
{
    /// <summary>A dialogue with a secretariat, Tunisian and Maltese delegates, an agency officer, and a Silk Routes group of TN and the agency chaired by the first Tunisian.</summary>
    private sealed record World(string Key, Caller Secretariat, Caller Chair, Caller Member, Caller Outsider, Caller Agency, IWorkingGroupGrain Group);

    private async Task<World> NewWorldAsync(bool strictCoChairRule = false)
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings() with { StrictCoChairBalance = strictCoChairRule });
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("TN", "Tunisia", 2002, "Arab"));
        await dialogue.AddOrganisationAsync(Administrator, OrganisationKind.PartnerAgency, new Organisation("iom", "International Organization for Migration", "IOM", null));
        async Task<Caller> Member(Membership membership, string language = "en")
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email) with { PreferredLanguage = language }, membership);
            return new Caller((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
        }
        var secretariat = await Member(new Membership([DialogueRole.Secretariat]));
        var chair = await Member(new Membership([DialogueRole.FocalPoint, DialogueRole.Delegate], "TN"));
        var member = await Member(new Membership([DialogueRole.Delegate], "TN"), "fr");
        var outsider = await Member(new Membership([DialogueRole.Delegate], "MT"));
        var agency = await Member(new Membership([DialogueRole.Agency], OrganisationKey: "iom"));
        var group = fixture.Grains.GetGrain<IWorkingGroupGrain>($"{key}/silk-routes");
        await group.CreateAsync(secretariat, new WorkingGroupDetails("Silk Routes working group", "Exchange on migration along the Silk Routes.", ["TN"], ["iom"], [], [chair.PersonId]));
        return new World(key, secretariat, chair, member, outsider, agency, group);
    }

    private static MeetingSeries Monthly(string rule = "FREQ=MONTHLY;BYDAY=2TU") =>
        new(rule, "Africa/Tunis", new DateTime(2031, 1, 14, 10, 0, 0), 120, "TN", "Tunis", null);

    [Fact]
    public async Task Only_the_secretariat_creates_and_changes_a_group_and_outsiders_of_the_dialogue_do_not_see_it()
    {
        var world = await NewWorldAsync();
        var other = fixture.Grains.GetGrain<IWorkingGroupGrain>($"{world.Key}/other");
        var details = new WorkingGroupDetails("Other", "Mandate", [], [], [], []);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => other.CreateAsync(world.Chair, details)));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => world.Group.UpdateAsync(world.Chair, details, 1)));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => world.Group.UpdateAsync(world.Secretariat, details, 99)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => other.CreateAsync(world.Secretariat, details with { PartnerStateCodes = ["EG"] })));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => world.Group.GetAsync(new Caller("someone-else", false))));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => other.GetAsync(world.Secretariat)));
        var seen = await world.Group.GetAsync(world.Outsider);
        Assert.Equal("Silk Routes working group", seen.Details.Name);
        Assert.False(seen.ViewerMayManage);
        Assert.True((await world.Group.GetAsync(world.Chair)).ViewerMayManage);
    }

    [Fact]
    public async Task A_series_becomes_real_meetings_once_each_with_the_group_invited()
    {
        var world = await NewWorldAsync();
        var version = (await world.Group.GetAsync(world.Chair)).Version;
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => world.Group.SetSeriesAsync(world.Member, Monthly(), version)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => world.Group.SetSeriesAsync(world.Chair, Monthly("FREQ=HOURLY"), version)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => world.Group.SetSeriesAsync(world.Chair, Monthly("every other tuesday"), version)));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => world.Group.ScheduleOccurrencesAsync(world.Secretariat, 1)));
        var withSeries = await world.Group.SetSeriesAsync(world.Chair, Monthly("RRULE:freq=monthly;byday=2TU"), version);
        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", withSeries.Series!.RecurrenceRule);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => world.Group.ScheduleOccurrencesAsync(world.Chair, 1)));
        await world.Group.ScheduleOccurrencesAsync(world.Secretariat, 2);
        var after = await world.Group.ScheduleOccurrencesAsync(world.Secretariat, 1);

        Assert.Equal(
            [new DateTime(2031, 1, 14, 10, 0, 0), new DateTime(2031, 2, 11, 10, 0, 0), new DateTime(2031, 3, 11, 10, 0, 0)],
            after.Occurrences.Select(o => o.StartsLocal));
        var meeting = await fixture.Grains.GetGrain<IMeetingGrain>(after.Occurrences[1].MeetingId).GetAsync(world.Secretariat);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(new DateTimeOffset(2031, 2, 11, 9, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal([world.Chair.PersonId], meeting.CoChairs.Select(c => c.PersonId));
        Assert.Equal(
            new[] { world.Chair.PersonId, world.Member.PersonId, world.Agency.PersonId }.Order(),
            meeting.Invitations.Select(i => i.Invitee.PersonId).Order());
        Assert.Single(meeting.Sessions);
        var index = await fixture.Grains.GetGrain<IWorkingGroupIndexGrain>(world.Key).ListAsync();
        var summary = Assert.Single(index);
        Assert.Equal(3, summary.ScheduledStartsLocal.Count);
        Assert.True(summary.Includes(world.Member.PersonId, new Membership([DialogueRole.Delegate], "TN")));
        Assert.False(summary.Includes(world.Outsider.PersonId, new Membership([DialogueRole.Delegate], "MT")));
    }

    [Fact]
    public async Task A_strict_co_chair_rule_leaves_a_group_s_meetings_to_the_group_s_chairs()
    {
        // The dialogue wants two co-chairs before it schedules its own meetings; the group has one chair.
        var world = await NewWorldAsync(strictCoChairRule: true);
        var version = (await world.Group.GetAsync(world.Chair)).Version;
        await world.Group.SetSeriesAsync(world.Chair, Monthly(), version);

        var scheduled = await world.Group.ScheduleOccurrencesAsync(world.Secretariat, 1);

        var meeting = await fixture.Grains.GetGrain<IMeetingGrain>(Assert.Single(scheduled.Occurrences).MeetingId).GetAsync(world.Secretariat);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal([world.Chair.PersonId], meeting.CoChairs.Select(c => c.PersonId));
    }

    [Fact]
    public async Task Action_items_move_only_as_their_rules_allow()
    {
        var world = await NewWorldAsync();
        var due = DateOnly.FromDateTime(ClusterFixture.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => world.Group.AddActionItemAsync(world.Member, new ActionItemInput("Draft", world.Member.PersonId, due))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => world.Group.AddActionItemAsync(world.Chair, new ActionItemInput("Draft", world.Outsider.PersonId, due))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => world.Group.AddActionItemAsync(world.Chair, new ActionItemInput("Draft", world.Member.PersonId, due.AddDays(-60)))));
        var view = await world.Group.AddActionItemAsync(world.Chair, new ActionItemInput("Draft the mapping of return programmes", world.Member.PersonId, due));
        var item = Assert.Single(view.ActionItems);
        Assert.Equal(ActionItemStatus.Open, item.Status);

        async Task<WorkingGroupView> Move(Caller who, ActionItemStatus to) =>
            await world.Group.SetActionItemStatusAsync(who, item.Id, to, (await world.Group.GetAsync(who)).Version);
        Task<ErrorCode> Refused(Caller who, ActionItemStatus to) => RefusalOf(() => Move(who, to));

        Assert.Equal(ErrorCode.Forbidden, await Refused(world.Outsider, ActionItemStatus.InProgress));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => world.Group.SetActionItemStatusAsync(world.Member, item.Id, ActionItemStatus.InProgress, 0)));
        Assert.Equal(ActionItemStatus.InProgress, (await Move(world.Member, ActionItemStatus.InProgress)).ActionItems[0].Status);
        Assert.Equal(ErrorCode.Forbidden, await Refused(world.Member, ActionItemStatus.Cancelled));
        Assert.Equal(ErrorCode.InvalidState, await Refused(world.Member, ActionItemStatus.Open));
        Assert.Equal(ActionItemStatus.Done, (await Move(world.Member, ActionItemStatus.Done)).ActionItems[0].Status);
        Assert.Equal(ErrorCode.InvalidState, await Refused(world.Chair, ActionItemStatus.InProgress));
        Assert.Equal(ErrorCode.Forbidden, await Refused(world.Member, ActionItemStatus.Open));
        Assert.Equal(ActionItemStatus.Open, (await Move(world.Chair, ActionItemStatus.Open)).ActionItems[0].Status);
        Assert.Equal(ActionItemStatus.Cancelled, (await Move(world.Secretariat, ActionItemStatus.Cancelled)).ActionItems[0].Status);
        var current = (await world.Group.GetAsync(world.Chair)).Version;
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => world.Group.SetActionItemStatusAsync(world.Chair, "no-such-item", ActionItemStatus.Done, current)));
    }

    [Fact]
    public async Task An_action_item_is_edited_by_the_chairs_and_secretariat_at_the_version_they_saw_and_refusals_change_nothing()
    {
        var world = await NewWorldAsync();
        var today = DateOnly.FromDateTime(ClusterFixture.Clock.GetUtcNow().UtcDateTime);
        var added = await world.Group.AddActionItemAsync(world.Chair, new ActionItemInput("Draft the mapping", world.Member.PersonId, today.AddDays(30)));
        var item = Assert.Single(added.ActionItems);
        await world.Group.SetActionItemStatusAsync(world.Member, item.Id, ActionItemStatus.InProgress, added.Version);
        var before = await world.Group.GetAsync(world.Chair);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => world.Group.UpdateActionItemAsync(world.Member, item.Id, new ActionItemInput("Mine now", world.Member.PersonId, today.AddDays(40)), before.Version)));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => world.Group.UpdateActionItemAsync(world.Chair, item.Id, new ActionItemInput("Stale", world.Member.PersonId, today.AddDays(40)), before.Version - 1)));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => world.Group.UpdateActionItemAsync(world.Chair, "no-such-item", new ActionItemInput("X", world.Member.PersonId, today.AddDays(40)), before.Version)));
        var bad = await Assert.ThrowsAsync<CollaborationException>(() => world.Group.UpdateActionItemAsync(world.Chair, item.Id, new ActionItemInput(" ", world.Outsider.PersonId, today.AddDays(-1)), before.Version));
        Assert.Equal(["dueDate", "ownerId", "title"], bad.FieldProblems.Select(p => p.Field).Order());
        var after = await world.Group.GetAsync(world.Chair);
        Assert.Equal((before.Version, before.ActionItems[0] with { ViewerMayMoveTo = null }), (after.Version, after.ActionItems[0] with { ViewerMayMoveTo = null }));

        var edited = await world.Group.UpdateActionItemAsync(world.Chair, item.Id, new ActionItemInput("Draft the mapping of return programmes", world.Chair.PersonId, today.AddDays(45)), before.Version);
        var now = Assert.Single(edited.ActionItems);
        Assert.Equal(("Draft the mapping of return programmes", world.Chair.PersonId, today.AddDays(45), ActionItemStatus.InProgress), (now.Title, now.OwnerId, now.DueDate, now.Status));
        Assert.Equal(before.Version + 1, edited.Version);

        // The secretariat edits too; an unchanged due date is taken as it is.
        var kept = await world.Group.UpdateActionItemAsync(world.Secretariat, item.Id, new ActionItemInput("Map the return programmes", world.Chair.PersonId, today.AddDays(45)), edited.Version);
        Assert.Equal("Map the return programmes", kept.ActionItems[0].Title);
    }
}
