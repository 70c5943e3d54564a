using Collaboration.Meetings;

namespace Collaboration.Grains.Tests;

/// <summary>The meeting's pure checks, called as functions: no cluster, no storage, nothing looked up.</summary>
public sealed class MeetingValidationTests
{
    private static readonly TimeZoneInfo Tunis = TimeZoneInfo.FindSystemTimeZoneById("Africa/Tunis");
    private static readonly TimeZoneInfo Malta = TimeZoneInfo.FindSystemTimeZoneById("Europe/Malta");

    private static Member Person(string id, DialogueRole role, string? state = null, string? organisation = null) =>
        new(id, new Membership([role], state, organisation));

    private static readonly DialogueView Directory = new(
        "d",
        new DialogueSettings("Test Dialogue", ["ar", "en", "fr"], ["European", "Arab"], Pillars: ["Migration and Development"]),
        [new PartnerState("MT", "Malta", 2002, "European"), new PartnerState("TN", "Tunisia", 2002, "Arab")],
        [new Organisation("unhcr", "UN Refugee Agency", "UNHCR", null)],
        [],
        [
            Person("staff", DialogueRole.Secretariat),
            Person("tn-delegate", DialogueRole.Delegate, "TN"),
            Person("tn-focal", DialogueRole.FocalPoint, "TN"),
            Person("tn-city", DialogueRole.CityOfficial, "TN"),
            Person("unhcr-expert", DialogueRole.Agency, organisation: "unhcr"),
        ],
        1);

    private static MeetingDetailsForm Form(string starts = "2030-06-03T09:00", string ends = "2030-06-04T17:00") => MeetingDetailsForm.Of(new(
        [new LocalizedText("en", "Expert meeting on labour migration")], [], MeetingType.ExpertMeeting, "Migration and Development",
        "TN", "Tunis", null, "Africa/Tunis", default, default, ["en", "fr"], true, 40, MeetingVisibility.Participants, true, AttributionGuard.Warn))
        with { StartsLocal = starts, EndsLocal = ends };

    /// <summary>The reasons of every problem recorded, in order.</summary>
    private static List<string?> Reasons(Problems problems)
    {
        var e = Record.Exception(problems.ThrowIfAny);
        return e is CollaborationException refusal ? [.. refusal.FieldProblems.Select(p => p.Reason)] : [];
    }

    private static (List<string?> Reasons, (MeetingDetails Details, DateTimeOffset Starts, DateTimeOffset Ends)? Valid) Check(MeetingDetailsForm form)
    {
        var problems = new Problems();
        var valid = MeetingGrain.ValidDetails(form, Directory, problems);
        return (Reasons(problems), valid);
    }

    private static WorkingSession Session(string id, int startHour, int endHour) =>
        new(id, id, new DateTimeOffset(2030, 6, 3, startHour, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 6, 3, endHour, 0, 0, TimeSpan.Zero), [], null, null);

    [Fact]
    public void Good_details_are_answered_with_their_times_in_UTC()
    {
        var (reasons, valid) = Check(Form());

        Assert.Empty(reasons);
        // Tunis keeps UTC+1 all year.
        Assert.Equal(new DateTimeOffset(2030, 6, 3, 8, 0, 0, TimeSpan.Zero), valid!.Value.Starts);
        Assert.Equal(new DateTimeOffset(2030, 6, 4, 16, 0, 0, TimeSpan.Zero), valid.Value.Ends);
        Assert.Equal(["en", "fr"], valid.Value.Details.WorkingLanguages);
    }

    [Fact]
    public void Every_bad_field_of_the_details_is_reported_at_once_and_nothing_is_answered()
    {
        var form = Form(starts: "2030-06-04T09:00", ends: "2030-06-03T09:00") with
        {
            WorkingLanguages = ["en", "de"],
            Titles = [new LocalizedText("ar", "عنوان")],
            Pillar = "Sports",
            HostCountry = "FR",
            Capacity = 0,
        };

        var (reasons, valid) = Check(form);

        Assert.Null(valid);
        Assert.Equal(
            ["NOT_A_WORKING_LANGUAGE", "NOT_A_MEETING_LANGUAGE", "UNKNOWN_PILLAR", "HOST_NOT_PARTNER_STATE", "ENDS_BEFORE_START", "CAPACITY_RANGE"],
            reasons);
    }

    [Fact]
    public void A_meeting_lasts_at_most_a_month()
    {
        Assert.Equal(["MEETING_TOO_LONG"], Check(Form(starts: "2030-06-01T09:00", ends: "2030-07-02T09:01")).Reasons);
        Assert.Empty(Check(Form(starts: "2030-06-01T09:00", ends: "2030-07-02T09:00")).Reasons);
    }

    [Fact]
    public void An_online_link_needs_a_meeting_that_is_not_in_person_and_an_https_address()
    {
        Assert.Equal(["ONLINE_LINK_IN_PERSON"], Check(Form() with { Format = MeetingFormat.InPerson, OnlineMeetingUrl = "https://meet.example.org/x" }).Reasons);
        Assert.Equal(["ONLINE_LINK_HTTPS"], Check(Form() with { Format = MeetingFormat.Hybrid, OnlineMeetingUrl = "http://meet.example.org/x" }).Reasons);
        var (reasons, valid) = Check(Form() with { Format = MeetingFormat.Online, OnlineMeetingUrl = " https://meet.example.org/x " });
        Assert.Empty(reasons);
        Assert.Equal("https://meet.example.org/x", valid!.Value.Details.OnlineMeetingUrl);
    }

    [Fact]
    public void Texts_are_one_per_meeting_language()
    {
        var problems = new Problems();

        var valid = MeetingGrain.ValidTexts(
            [new LocalizedText("en", "One"), new LocalizedText("en", "Two"), new LocalizedText("ar", "ثلاثة"), new LocalizedText("fr", "Quatre")],
            ["en", "fr"], "titles", 200, problems);

        Assert.Equal(["One", "Quatre"], valid.Select(t => t.Text));
        Assert.Equal(["DUPLICATE_LANGUAGE", "NOT_A_MEETING_LANGUAGE"], Reasons(problems));
    }

    [Fact]
    public void A_wall_clock_time_becomes_UTC_in_its_zone_and_one_the_zone_skips_is_refused()
    {
        Assert.Equal(new DateTimeOffset(2030, 7, 1, 7, 0, 0, TimeSpan.Zero), MeetingGrain.ToUtc(new DateTime(2030, 7, 1, 9, 0, 0), Malta, "startsLocal"));
        Assert.Equal(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero), MeetingGrain.ToUtc(new DateTime(2030, 1, 7, 9, 0, 0), Malta, "startsLocal"));

        // Malta moves its clocks from 02:00 to 03:00 on the last Sunday of March.
        var e = Assert.Throws<CollaborationException>(() => MeetingGrain.ToUtc(new DateTime(2030, 3, 31, 2, 30, 0), Malta, "startsLocal"));
        Assert.Equal(("startsLocal", "TIME_SKIPPED"), (e.Field, e.Reason));
    }

    [Fact]
    public void A_moved_meeting_keeps_each_session_at_its_wall_clock_offset_in_the_new_zone()
    {
        // 10:00–11:00 in Tunis (UTC+1) on the meeting's first day, which starts at 09:00.
        var sessions = new[] { Session("s", 9, 10) };
        var moved = Check(Form(starts: "2030-06-10T09:00", ends: "2030-06-11T17:00") with { TimeZone = "Europe/Malta" }).Valid!.Value.Details;

        var shifted = Assert.Single(MeetingGrain.ShiftedSessions(sessions, new DateTime(2030, 6, 3, 9, 0, 0), moved, Tunis, Malta));

        // Seven days later, still 10:00–11:00 on the wall clock, now in Malta (UTC+2 in June).
        Assert.Equal(new DateTimeOffset(2030, 6, 10, 8, 0, 0, TimeSpan.Zero), shifted.StartsAt);
        Assert.Equal(new DateTimeOffset(2030, 6, 10, 9, 0, 0, TimeSpan.Zero), shifted.EndsAt);
    }

    [Theory]
    [InlineData("2030-06-03T10:00", "2030-06-03T11:00", null)]
    [InlineData("2030-06-03T11:00", "2030-06-03T10:00", "ENDS_BEFORE_START")]
    [InlineData("2030-06-03T08:00", "2030-06-03T10:00", "SESSION_OUTSIDE_MEETING")]
    [InlineData("2030-06-04T16:00", "2030-06-04T17:01", "SESSION_OUTSIDE_MEETING")]
    [InlineData("2030-06-03T25:00", "2030-06-03T10:00", "NOT_A_LOCAL_TIME")]
    public void A_working_session_ends_after_it_starts_and_lies_within_the_meeting(string starts, string ends, string? reason)
    {
        var (_, valid) = Check(Form());
        var problems = new Problems();

        var (sessionStarts, sessionEnds) = MeetingGrain.SessionTimes(starts, ends, Tunis, valid!.Value.Details, valid.Value.Starts, valid.Value.Ends, problems);

        var reasons = Reasons(problems);
        if (reason is null)
        {
            Assert.Empty(reasons);
            Assert.Equal(new DateTimeOffset(2030, 6, 3, 9, 0, 0, TimeSpan.Zero), sessionStarts);
            Assert.Equal(new DateTimeOffset(2030, 6, 3, 10, 0, 0, TimeSpan.Zero), sessionEnds);
        }
        else
        {
            Assert.Equal(reason, Assert.Single(reasons));
        }
    }

    [Fact]
    public void Sessions_that_share_time_overlap_and_sessions_that_only_touch_do_not()
    {
        var agenda = new[] { Session("a", 9, 10), Session("b", 11, 12) };

        Assert.Equal("a", MeetingGrain.Overlapping(agenda, "new", agenda[0].StartsAt.AddMinutes(30), agenda[0].EndsAt.AddMinutes(30))?.Id);
        Assert.Null(MeetingGrain.Overlapping(agenda, "new", agenda[0].EndsAt, agenda[1].StartsAt));
        // A session that changes does not overlap itself.
        Assert.Null(MeetingGrain.Overlapping(agenda, "a", agenda[0].StartsAt, agenda[0].EndsAt.AddMinutes(30)));
    }

    [Theory]
    [InlineData(new[] { "b", "a" }, true)]
    [InlineData(new[] { "a" }, false)]
    [InlineData(new[] { "a", "a" }, false)]
    [InlineData(new[] { "a", "c" }, false)]
    [InlineData(new[] { "a", "b", "c" }, false)]
    public void A_new_order_names_every_session_exactly_once(string[] order, bool accepted)
    {
        Assert.Equal(accepted, MeetingGrain.NamesEverySessionOnce(order, [Session("a", 9, 10), Session("b", 11, 12)]));
    }

    [Theory]
    [InlineData(2, 3, "CAPACITY_BELOW_ACCEPTED")]
    [InlineData(3, 3, null)]
    [InlineData(null, 3, null)]
    public void The_capacity_cannot_fall_below_those_who_accepted(int? capacity, int accepted, string? reason)
    {
        var problems = new Problems();

        MeetingGrain.CheckCapacity(capacity, accepted, problems);

        Assert.Equal(reason is null ? [] : [reason], Reasons(problems));
    }

    [Fact]
    public void Co_chairs_from_one_regional_group_unbalance_the_meeting_and_those_without_a_group_never_do()
    {
        MeetingPerson Chair(string id, string? group) => new(id, id, null, group);

        Assert.Equal("European", MeetingGrain.UnbalancedGroup([Chair("a", "European"), Chair("b", "Arab"), Chair("c", "European")])?.Key);
        Assert.Null(MeetingGrain.UnbalancedGroup([Chair("a", "European"), Chair("b", "Arab")]));
        Assert.Null(MeetingGrain.UnbalancedGroup([Chair("a", null), Chair("b", null), Chair("c", "Arab")]));
    }

    [Fact]
    public void A_pairing_wants_one_co_chair_from_each_of_its_two_groups_once_two_are_named()
    {
        MeetingPerson Chair(string id, string? group) => new(id, id, null, group);
        string[] pairing = ["European", "Arab"];

        Assert.False(MeetingGrain.BreaksPairing([Chair("a", "European"), Chair("b", "Arab")], pairing));
        Assert.False(MeetingGrain.BreaksPairing([Chair("a", "Arab"), Chair("b", "African"), Chair("c", "European")], pairing));
        Assert.True(MeetingGrain.BreaksPairing([Chair("a", "Arab"), Chair("b", "Arab")], pairing));
        Assert.True(MeetingGrain.BreaksPairing([Chair("a", "European"), Chair("b", "African")], pairing));
        Assert.True(MeetingGrain.BreaksPairing([Chair("a", "European"), Chair("b", null)], pairing));
        // One co-chair named so far is not judged yet; without a pairing nothing is.
        Assert.False(MeetingGrain.BreaksPairing([Chair("a", "African")], pairing));
        Assert.False(MeetingGrain.BreaksPairing([Chair("a", "Arab"), Chair("b", "Arab")], null));
    }

    [Fact]
    public void A_meeting_has_at_most_the_dialogue_s_co_chairs_and_only_secretariat_staff_report()
    {
        var problems = new Problems();
        MeetingGrain.CheckChairs(["tn-delegate", "tn-focal", "unhcr-expert"], ["tn-delegate", "tn-focal"], Directory, problems);
        Assert.Equal(["TOO_MANY_CO_CHAIRS", "RAPPORTEUR_NOT_SECRETARIAT"], Reasons(problems));

        var fine = new Problems();
        MeetingGrain.CheckChairs(["tn-delegate", "unhcr-expert"], ["staff"], Directory, fine);
        // Lists left out are not checked.
        MeetingGrain.CheckChairs(null, null, Directory, fine);
        Assert.Empty(Reasons(fine));
    }

    [Fact]
    public void A_session_names_each_moderator_once_and_at_most_ten()
    {
        var duplicated = new Problems();
        MeetingGrain.CheckModeratorIds(["a", "a"], duplicated);
        var eleven = new Problems();
        MeetingGrain.CheckModeratorIds([.. Enumerable.Range(0, 11).Select(i => $"p{i}")], eleven);
        var ten = new Problems();
        MeetingGrain.CheckModeratorIds([.. Enumerable.Range(0, 10).Select(i => $"p{i}")], ten);

        Assert.Equal(["MODERATORS_RANGE"], Reasons(duplicated));
        Assert.Equal(["MODERATORS_RANGE"], Reasons(eleven));
        Assert.Empty(Reasons(ten));
    }

    [Fact]
    public void A_document_is_an_http_link_or_an_accepted_file_never_both()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var link = new DocumentInput("Concept note", DocumentKind.Background, MeetingVisibility.Participants, "https://example.org/note.pdf");
        var file = new DocumentInput("Concept note", DocumentKind.Background, MeetingVisibility.Participants, null, "key", "note.pdf", "application/pdf", 1024);

        Assert.Equal("https://example.org/note.pdf", MeetingGrain.ValidDocument(link, "1", now).Url);
        var uploaded = MeetingGrain.ValidDocument(file with { FileName = "../../etc/note.pdf" }, "2", now);
        Assert.Equal(("note.pdf", now), (uploaded.FileName, uploaded.AddedAt));
        foreach (var (bad, field) in new[]
        {
            (link with { Url = "ftp://example.org/note.pdf" }, "url"),
            (file with { Url = "https://example.org/note.pdf" }, "url"),
            (file with { Size = MeetingDocuments.MaxSize + 1 }, "file"),
            (file with { ContentType = "application/x-msdownload" }, "file"),
            (link with { Title = " " }, "title"),
        })
        {
            Assert.Equal(field, Assert.Throws<CollaborationException>(() => MeetingGrain.ValidDocument(bad, "3", now)).Field);
        }
    }

    [Fact]
    public void A_partner_state_invites_its_delegates_and_focal_points_and_an_invitation_names_one_target()
    {
        var state = MeetingGrain.Expand(new InvitationTarget(PartnerStateCode: "tn"), Directory, []);
        Assert.Equal(["tn-delegate", "tn-focal"], state.Select(p => p.PersonId));
        Assert.All(state, p => Assert.Equal("Tunisia", p.Affiliation));
        Assert.Equal(("unhcr-expert", "UNHCR"), Assert.Single(MeetingGrain.Expand(new InvitationTarget(OrganisationKey: "unhcr"), Directory, [])));
        // A partner state nobody represents yet invites nobody (the grain warns NO_INVITEES).
        Assert.Empty(MeetingGrain.Expand(new InvitationTarget(PartnerStateCode: "MT"), Directory, []));

        foreach (var (target, reason) in new[]
        {
            (new InvitationTarget(PartnerStateCode: "TN", PersonId: "staff"), "ONE_TARGET"),
            (new InvitationTarget(), "ONE_TARGET"),
            (new InvitationTarget(PartnerStateCode: "FR"), "NOT_A_PARTNER_STATE"),
            (new InvitationTarget(OrganisationKey: "frontex"), "UNKNOWN_ORGANISATION"),
            (new InvitationTarget(CityId: "sfax"), "UNKNOWN_CITY"),
            (new InvitationTarget(PersonId: "stranger"), "NOT_A_MEMBER"),
        })
        {
            Assert.Equal(reason, Assert.Throws<CollaborationException>(() => MeetingGrain.Expand(target, Directory, [])).Reason);
        }
    }
}
