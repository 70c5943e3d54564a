using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>The meeting's rules through the Orleans test cluster; the rule tests proper are in <c>MeetingGrainTests.Rules.cs</c>.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class MeetingGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    /// <summary>
    /// A dialogue with a secretariat member, Tunisian delegates (Arab group), one Maltese delegate (European
    /// group), and Libya as a partner state nobody represents yet.
    /// </summary>
    private sealed record World(string Key, Caller Secretariat, IReadOnlyList<Caller> Delegates, IReadOnlyList<string> DelegateIds, IReadOnlyList<string> Emails, string MalteseId);

    private async Task<World> NewWorldAsync(int delegates = 4, bool strictCoChairBalance = false, IReadOnlyList<string>? coChairPairing = null)
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings() with
        {
            Pillars = ["Migration and Development"], StrictCoChairBalance = strictCoChairBalance, CoChairPairing = coChairPairing,
        });
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("TN", "Tunisia", 2002, "Arab"));
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("LY", "Libya", 2002, "African"));
        var view = await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Secretariat]));
        var staff = view.Members.Single().PersonId;
        var ids = new List<string>();
        var emails = new List<string>();
        for (var i = 0; i < delegates; i++)
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email, $"Delegate {i}"), new Membership([DialogueRole.Delegate], "TN"));
            ids.Add((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!);
            emails.Add(email);
        }
        var malteseEmail = NewEmail();
        await dialogue.AddMemberAsync(Administrator, Profile(malteseEmail, "Maltese Delegate"), new Membership([DialogueRole.Delegate], "MT"));
        var maltese = (await fixture.Grains.GetGrain<IAccountGrain>(malteseEmail).FindPersonAsync())!;
        return new World(key, new Caller(staff, false), [.. ids.Select(id => new Caller(id, false))], ids, emails, maltese);
    }

    private static MeetingDetailsForm Details(int? capacity = 2, string starts = "2030-06-03T09:00", string ends = "2030-06-04T17:00", string zone = "Africa/Tunis") => MeetingDetailsForm.Of(new(
        [new LocalizedText("en", "Expert meeting on labour migration")],
        [],
        MeetingType.ExpertMeeting,
        "Migration and Development",
        "TN",
        "Tunis",
        null,
        zone,
        DateTime.Parse(starts, System.Globalization.CultureInfo.InvariantCulture),
        DateTime.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
        ["ar", "en", "fr"],
        true,
        capacity,
        MeetingVisibility.Participants,
        true,
        AttributionGuard.Warn));

    private async Task<(IMeetingGrain Meeting, World World)> ScheduledAsync(int? capacity = 2)
    {
        var world = await NewWorldAsync();
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));
        await meeting.CreateAsync(world.Secretariat, Details(capacity));
        await meeting.ScheduleAsync(world.Secretariat);
        await InviteTunisiaAsync(meeting, world);
        return (meeting, world);
    }

    /// <summary>Invites Tunisia as a state and nominates all its delegates on its behalf (the secretariat may), so each is invited.</summary>
    private static async Task<MeetingChange> InviteTunisiaAsync(IMeetingGrain meeting, World world)
    {
        await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN", Places: Math.Max(1, world.DelegateIds.Count))]);
        return await meeting.NominateDelegatesAsync(world.Secretariat, "TN", world.DelegateIds, []);
    }

    private static async Task<InvitationStatus> StatusOf(IMeetingGrain meeting, Caller who) =>
        (await meeting.GetAsync(who)).MyInvitation!.Status;

    [Fact]
    public async Task Raising_the_capacity_promotes_the_waitlist_in_order()
    {
        var (meeting, world) = await ScheduledAsync(capacity: 1);
        foreach (var d in world.Delegates.Take(3))
            await meeting.RespondAsync(d, InvitationResponse.Accept);
        Assert.Equal(2, (await meeting.GetAsync(world.Secretariat)).WaitlistCount);

        var version = (await meeting.GetAsync(world.Secretariat)).Version;
        await meeting.UpdateDetailsAsync(world.Secretariat, Details(capacity: 2), version);

        Assert.Equal(InvitationStatus.Accepted, await StatusOf(meeting, world.Delegates[1]));
        Assert.Equal(InvitationStatus.Waitlisted, await StatusOf(meeting, world.Delegates[2]));
        Assert.Equal(1, (await meeting.GetAsync(world.Delegates[2])).MyInvitation!.WaitlistPosition);
    }

    [Fact]
    public async Task A_tentative_answer_or_a_withdrawn_invitation_frees_a_place_for_the_waitlist()
    {
        var (meeting, world) = await ScheduledAsync(capacity: 1);
        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept);
        await meeting.RespondAsync(world.Delegates[1], InvitationResponse.Accept);
        await meeting.RespondAsync(world.Delegates[2], InvitationResponse.Accept);

        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Tentative);
        Assert.Equal(InvitationStatus.Accepted, await StatusOf(meeting, world.Delegates[1]));

        await meeting.WithdrawInvitationAsync(world.Secretariat, world.DelegateIds[1]);
        Assert.Equal(InvitationStatus.Accepted, await StatusOf(meeting, world.Delegates[2]));
        // A withdrawn invitee of a participants-only meeting no longer sees it at all.
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => meeting.RespondAsync(world.Delegates[1], InvitationResponse.Accept)));

        await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PersonId: world.DelegateIds[1])]);
        Assert.Equal(InvitationStatus.Invited, await StatusOf(meeting, world.Delegates[1]));
    }

    [Fact]
    public async Task Answers_wait_for_the_meeting_to_be_scheduled()
    {
        var world = await NewWorldAsync();
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));
        await meeting.CreateAsync(world.Secretariat, Details());
        await InviteTunisiaAsync(meeting, world);

        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept)));
    }

    [Fact]
    public async Task The_lifecycle_moves_forward_only()
    {
        var (meeting, world) = await ScheduledAsync();
        var revision = (await meeting.GetAsync(world.Secretariat)).Revision;

        await meeting.OpenAsync(world.Secretariat);
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.ScheduleAsync(world.Secretariat)));
        var version = (await meeting.GetAsync(world.Secretariat)).Version;
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.UpdateDetailsAsync(world.Secretariat, Details(starts: "2030-06-10T09:00", ends: "2030-06-11T17:00"), version)));
        await meeting.ConcludeAsync(world.Secretariat);
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.CancelAsync(world.Secretariat, "Too late")));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.OpenAsync(world.Secretariat)));

        var concluded = await meeting.GetAsync(world.Secretariat);
        Assert.Equal(MeetingStatus.Concluded, concluded.Status);
        Assert.Equal(revision, concluded.Revision);
    }

    [Fact]
    public async Task A_wall_clock_time_that_the_zone_skips_is_refused()
    {
        var world = await NewWorldAsync();
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));

        var e = await Assert.ThrowsAsync<CollaborationException>(() =>
            meeting.CreateAsync(world.Secretariat, Details(starts: "2030-03-31T02:30", ends: "2030-03-31T17:00", zone: "Europe/Malta")));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => meeting.GetAsync(world.Secretariat)));
    }

    [Fact]
    public async Task The_agenda_is_reordered_with_every_session_once_and_a_guide_in_use_stays()
    {
        var world = await NewWorldAsync();
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));
        var view = (await meeting.CreateAsync(world.Secretariat, Details())).Meeting;
        view = (await meeting.AddDocumentAsync(world.Secretariat, new DocumentInput("Guide", DocumentKind.DiscussionGuide, MeetingVisibility.Participants, "https://example.org/guide.pdf"))).Meeting;
        var guide = view.Documents.Single().Id;
        view = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("First", new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 10, 0, 0), [], null, guide), view.Version)).Meeting;
        view = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("Second", new DateTime(2030, 6, 3, 11, 0, 0), new DateTime(2030, 6, 3, 12, 0, 0), [world.DelegateIds[0]], null, null), view.Version)).Meeting;
        var ids = view.Sessions.Select(s => s.Id).ToList();

        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => meeting.ReorderSessionsAsync(world.Secretariat, [ids[0]], view.Version)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => meeting.ReorderSessionsAsync(world.Secretariat, [ids[0], ids[0]], view.Version)));
        view = (await meeting.ReorderSessionsAsync(world.Secretariat, [ids[1], ids[0]], view.Version)).Meeting;
        Assert.Equal(["Second", "First"], view.Sessions.Select(s => s.Title));
        Assert.Equal("Delegate 0", view.Sessions[0].Moderators.Single().Name);

        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => meeting.RemoveDocumentAsync(world.Secretariat, guide)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => meeting.AddSessionAsync(world.Secretariat,
            WorkingSessionInput.Of("Bad guide", new DateTime(2030, 6, 4, 9, 0, 0), new DateTime(2030, 6, 4, 10, 0, 0), [], null, "missing"), view.Version)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => meeting.AddSessionAsync(world.Secretariat,
            WorkingSessionInput.Of("Stranger moderating", new DateTime(2030, 6, 4, 9, 0, 0), new DateTime(2030, 6, 4, 10, 0, 0), ["stranger"], null, null), view.Version)));
    }

    [Fact]
    public async Task A_meeting_of_an_unknown_dialogue_or_a_malformed_key_does_not_exist()
    {
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IMeetingGrain>("nodialogue/x").GetAsync(Administrator)));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IMeetingGrain>("no-slash").GetAsync(Administrator)));
        Assert.Null(MeetingKey.DialogueOf("a/b/c"));
        Assert.Equal("mtm", MeetingKey.DialogueOf("mtm/123"));
    }

    [Fact]
    public async Task The_catalog_keeps_the_newest_summary_and_lists_without_activating_meetings()
    {
        var (meeting, world) = await ScheduledAsync();
        var catalog = fixture.Grains.GetGrain<IMeetingCatalogGrain>(world.Key);
        var page = await catalog.QueryAsync(world.Secretariat, new MeetingFilter(), 10, null);
        var summary = Assert.Single(page.Meetings);

        await catalog.UpsertAsync(summary with { Version = summary.Version - 1, City = "Stale" });

        Assert.Equal("Tunis", Assert.Single((await catalog.QueryAsync(world.Secretariat, new MeetingFilter(), 10, null)).Meetings).City);
        Assert.Single((await catalog.QueryAsync(world.Delegates[0], new MeetingFilter(PersonId: world.DelegateIds[0]), 10, null)).Meetings);
        Assert.Empty((await catalog.QueryAsync(null, new MeetingFilter(), 10, null)).Meetings);
    }

    [Fact]
    public async Task The_catalog_lists_in_start_order_page_by_page_and_a_moved_meeting_moves_in_the_list()
    {
        var (_, world) = await ScheduledAsync();
        var catalog = fixture.Grains.GetGrain<IMeetingCatalogGrain>(world.Key);
        var template = Assert.Single((await catalog.QueryAsync(world.Secretariat, new MeetingFilter(), 10, null)).Meetings);
        var start = new DateTimeOffset(2040, 3, 2, 9, 0, 0, TimeSpan.Zero);
        MeetingSummary At(string id, int days, int version = 1) =>
            template with { Id = $"{world.Key}/{id}", StartsAt = start.AddDays(days), EndsAt = start.AddDays(days).AddHours(3), Version = version };
        foreach (var summary in (MeetingSummary[])[At("c", 3), At("a", 1), At("e", 5), At("b", 1), At("d", 4)])
            await catalog.UpsertAsync(summary);
        var upcoming = new MeetingFilter(Upcoming: true);

        async Task<List<string>> AllPagesAsync(MeetingFilter filter)
        {
            var ids = new List<string>();
            string? after = null;
            do
            {
                var page = await catalog.QueryAsync(world.Secretariat, filter, 2, after);
                Assert.Equal(6, page.TotalCount); // the five and the scheduled meeting, in 2030
                ids.AddRange(page.Meetings.Select(m => m.Id[(world.Key.Length + 1)..]).Where(id => id.Length == 1));
                after = page.HasNextPage ? page.EndCursor : null;
            }
            while (after is not null);
            return ids;
        }

        // Same start: by id.
        Assert.Equal(["a", "b", "c", "d", "e"], await AllPagesAsync(upcoming));
        await catalog.UpsertAsync(At("a", 6, version: 2));
        Assert.Equal(["b", "c", "d", "e", "a"], await AllPagesAsync(upcoming));
        // A stale summary does not move it back.
        await catalog.UpsertAsync(At("a", 0, version: 1));
        Assert.Equal(["b", "c", "d", "e", "a"], await AllPagesAsync(upcoming));
        // Without the upcoming filter, earliest first too.
        Assert.Equal(["b", "c", "d", "e", "a"], await AllPagesAsync(new MeetingFilter()));
    }

    [Fact]
    public async Task A_person_s_meetings_across_their_dialogues_come_in_one_list_page_by_page()
    {
        var (_, tunis) = await ScheduledAsync();
        var rabat = await NewWorldAsync(delegates: 1);
        var person = tunis.Delegates[0];
        await fixture.Grains.GetGrain<IDialogueGrain>(rabat.Key).AddMemberAsync(Administrator, Profile(tunis.Emails[0], "Delegate 0"), new Membership([DialogueRole.Delegate], "TN"));
        var inTunis = Assert.Single((await fixture.Grains.GetGrain<IMeetingCatalogGrain>(tunis.Key).QueryAsync(person, new MeetingFilter(PersonId: person.PersonId), 10, null)).Meetings);
        // A meeting of the other dialogue a day earlier, naming the person; and one there that does not.
        await fixture.Grains.GetGrain<IMeetingCatalogGrain>(rabat.Key).UpsertAsync(inTunis with { Id = $"{rabat.Key}/earlier", StartsAt = inTunis.StartsAt.AddDays(-1), ParticipantIds = [person.PersonId] });
        await fixture.Grains.GetGrain<IMeetingCatalogGrain>(rabat.Key).UpsertAsync(inTunis with { Id = $"{rabat.Key}/other", ParticipantIds = [rabat.DelegateIds[0]] });
        var across = fixture.Grains.GetGrain<IAcrossDialoguesGrain>(0);

        var first = await across.QueryMyMeetingsAsync(person, new MeetingFilter(), 1, null);
        var second = await across.QueryMyMeetingsAsync(person, new MeetingFilter(), 1, first.EndCursor);

        Assert.Equal(($"{rabat.Key}/earlier", 2, true), (Assert.Single(first.Meetings).Id, first.TotalCount, first.HasNextPage));
        Assert.Equal((inTunis.Id, false), (Assert.Single(second.Meetings).Id, second.HasNextPage));
        Assert.Equal(new[] { rabat.Key, tunis.Key }.Order(StringComparer.Ordinal), (await across.GetMembershipsAsync(person.PersonId)).Select(m => m.Key));
        Assert.Equal(new[] { rabat.Key, tunis.Key }.Order(StringComparer.Ordinal), (await across.GetDialoguesAsync(person)).Select(d => d.Key));
        Assert.Contains(tunis.Key, (await across.GetDialoguesAsync(Administrator)).Select(d => d.Key));
        // Someone in no dialogue is refused a page too big or a cursor no list gave out, as a member is.
        var nobody = new Caller("nobody-" + Guid.NewGuid().ToString("N"), false);
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => across.QueryMyMeetingsAsync(nobody, new MeetingFilter(), int.MaxValue, null)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => across.QueryMyMeetingsAsync(nobody, new MeetingFilter(), 10, "Europe/Nowhere")));
        Assert.Empty((await across.QueryMyMeetingsAsync(nobody, new MeetingFilter(), 10, null)).Meetings);
    }

    [Fact]
    public void Slots_respect_each_person_s_weekend_and_hours()
    {
        var malta = TimeZoneInfo.FindSystemTimeZoneById("Europe/Malta");
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        var request = new SlotRequest(["a", "b"], new DateOnly(2030, 6, 1), new DateOnly(2030, 6, 3), 60, "Europe/Malta", 2);

        var slots = SlotFinder.Find(request, malta, [("a", malta), ("b", riyadh)], [new BusyInterval("a", new DateTimeOffset(2030, 6, 3, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 6, 3, 8, 0, 0, TimeSpan.Zero), "busy")]);

        // 1–2 June 2030 is a weekend; on Monday Malta (UTC+2) and Riyadh (UTC+3) share 09:00–16:00 Malta time,
        // and 09:00–10:00 Malta (07:00–08:00 UTC) is taken.
        Assert.Equal(
            [new DateTimeOffset(2030, 6, 3, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 6, 3, 8, 30, 0, TimeSpan.Zero)],
            slots.Select(s => s.Start));
        Assert.Throws<CollaborationException>(() => SlotFinder.Check(request with { DurationMinutes = 10 }));
    }
}
