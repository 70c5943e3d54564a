using Collaboration.Mail;
using Collaboration.Meetings;
using Collaboration.Tests;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>
/// The meeting's rules as a caller meets them: scheduling and rescheduling, the co-chair rule, invitations,
/// the waitlist and withdrawals, cancelling and concluding, and who sees and changes what.
/// </summary>
public sealed partial class MeetingGrainTests
{
    private async Task<IMeetingGrain> CreatedAsync(World world, MeetingDetailsForm? details = null)
    {
        var meeting = Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));
        await meeting.CreateAsync(world.Secretariat, details ?? Details());
        return meeting;
    }

    private static async Task<CollaborationException> RefusalAsync(Func<Task> call) =>
        await Assert.ThrowsAsync<CollaborationException>(call);

    /// <summary>A member of the world's dialogue with the translator's role only.</summary>
    private async Task<Caller> TranslatorAsync(World world)
    {
        var email = NewEmail();
        await Grains.GetGrain<IDialogueGrain>(world.Key).AddMemberAsync(Administrator, Profile(email, "Translator"), new Membership([DialogueRole.Translator]));
        return new Caller((await Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
    }

    private static MeetingDetailsForm Visible(MeetingVisibility visibility) => Details() with { Visibility = visibility };

    [Fact]
    public async Task Rescheduling_moves_the_agenda_by_the_same_wall_clock_offset_and_is_audited()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        var view = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("Opening", new DateTime(2030, 6, 3, 10, 0, 0), new DateTime(2030, 6, 3, 11, 0, 0), []), 1)).Meeting;

        view = (await meeting.UpdateDetailsAsync(world.Secretariat, Details(starts: "2030-06-10T09:00", ends: "2030-06-11T17:00", zone: "Europe/Malta"), view.Version)).Meeting;

        // 10:00 on the first day, now in Malta's summer time (UTC+2).
        var session = Assert.Single(view.Sessions);
        Assert.Equal(new DateTimeOffset(2030, 6, 10, 8, 0, 0, TimeSpan.Zero), session.StartsAt);
        Assert.Equal(new DateTimeOffset(2030, 6, 10, 7, 0, 0, TimeSpan.Zero), view.StartsAt);
        Assert.Equal("rescheduled", view.AuditTrail[^1].Action);
    }

    [Fact]
    public async Task A_move_that_would_leave_working_sessions_outside_the_meeting_is_refused_and_changes_nothing()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        var before = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("Day two", new DateTime(2030, 6, 4, 10, 0, 0), new DateTime(2030, 6, 4, 11, 0, 0), []), 1)).Meeting;

        var e = await RefusalAsync(() => meeting.UpdateDetailsAsync(world.Secretariat, Details(ends: "2030-06-03T17:00"), before.Version));

        Assert.Equal((ErrorCode.Validation, "SESSIONS_OUTSIDE_NEW_DATES"), (e.Code, e.Reason));
        var after = await meeting.GetAsync(world.Secretariat);
        Assert.Equal((before.Version, before.EndsAt, before.Sessions[0].StartsAt), (after.Version, after.EndsAt, after.Sessions[0].StartsAt));
    }

    [Fact]
    public async Task The_capacity_cannot_go_below_those_who_accepted_and_a_stale_version_is_a_conflict()
    {
        var (meeting, world) = await ScheduledAsync(capacity: 3);
        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept);
        await meeting.RespondAsync(world.Delegates[1], InvitationResponse.Accept);
        var version = (await meeting.GetAsync(world.Secretariat)).Version;

        var below = await RefusalAsync(() => meeting.UpdateDetailsAsync(world.Secretariat, Details(capacity: 1), version));
        var stale = await RefusalAsync(() => meeting.UpdateDetailsAsync(world.Secretariat, Details(capacity: 5), version - 1));

        Assert.Equal((ErrorCode.Validation, "CAPACITY_BELOW_ACCEPTED"), (below.Code, below.Reason));
        Assert.Equal(ErrorCode.Conflict, stale.Code);
        Assert.Equal(3, (await meeting.GetAsync(world.Secretariat)).Details.Capacity);
        Assert.Equal(2, (await meeting.UpdateDetailsAsync(world.Secretariat, Details(capacity: 2), version)).Meeting.Details.Capacity);
    }

    [Fact]
    public async Task Working_sessions_may_not_overlap()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        var view = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("First", new DateTime(2030, 6, 3, 10, 0, 0), new DateTime(2030, 6, 3, 11, 0, 0), []), 1)).Meeting;

        var e = await RefusalAsync(() => meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("Second", new DateTime(2030, 6, 3, 10, 30, 0), new DateTime(2030, 6, 3, 11, 30, 0), []), view.Version));
        view = (await meeting.AddSessionAsync(world.Secretariat, WorkingSessionInput.Of("Third", new DateTime(2030, 6, 3, 11, 0, 0), new DateTime(2030, 6, 3, 12, 0, 0), []), view.Version)).Meeting;

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Equal(["First", "Third"], view.Sessions.Select(s => s.Title));
    }

    [Fact]
    public async Task Co_chairs_from_one_regional_group_are_named_with_a_warning_and_from_two_without()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);

        var unbalanced = await meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.DelegateIds[1]], null, 1);
        var balanced = await meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.MalteseId], null, unbalanced.Meeting.Version);

        var warning = Assert.Single(unbalanced.Warnings, w => w.Code == "CO_CHAIR_BALANCE");
        Assert.Equal("Arab", warning.Values!["group"]);
        Assert.Equal(2, unbalanced.Meeting.CoChairs.Count);
        Assert.DoesNotContain(balanced.Warnings, w => w.Code == "CO_CHAIR_BALANCE");
        Assert.Equal(["Tunisia", "Malta"], balanced.Meeting.CoChairs.Select(c => c.Affiliation));
    }

    [Fact]
    public async Task A_dialogue_with_strict_balance_refuses_co_chairs_from_one_group_and_keeps_the_ones_it_had()
    {
        var world = await NewWorldAsync(strictCoChairBalance: true);
        var meeting = await CreatedAsync(world);
        var named = (await meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.MalteseId], null, 1)).Meeting;

        var e = await RefusalAsync(() => meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.DelegateIds[1]], null, named.Version));

        Assert.Equal((ErrorCode.Validation, "CO_CHAIR_BALANCE"), (e.Code, e.Reason));
        Assert.Equal([world.DelegateIds[0], world.MalteseId], (await meeting.GetAsync(world.Secretariat)).CoChairs.Select(c => c.PersonId));
    }

    [Fact]
    public async Task A_pairing_of_two_groups_warns_about_co_chairs_not_one_from_each_and_says_which_groups()
    {
        var world = await NewWorldAsync(coChairPairing: ["European", "Arab"]);
        var meeting = await CreatedAsync(world);

        var twoArab = await meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.DelegateIds[1]], null, 1);
        var paired = await meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.MalteseId], null, twoArab.Meeting.Version);

        // The pairing says more than "not two from one group": one warning, naming both groups.
        var warning = Assert.Single(twoArab.Warnings);
        Assert.Equal("CO_CHAIR_PAIRING", warning.Code);
        Assert.Equal(("European", "Arab"), (warning.Values!["first"], warning.Values["second"]));
        Assert.Empty(paired.Warnings);
        Assert.Equal([world.DelegateIds[0], world.MalteseId], paired.Meeting.CoChairs.Select(c => c.PersonId));
    }

    [Fact]
    public async Task A_strict_dialogue_refuses_co_chairs_against_its_pairing_and_schedules_no_meeting_without_its_co_chairs()
    {
        var world = await NewWorldAsync(strictCoChairBalance: true, coChairPairing: ["European", "Arab"]);
        var meeting = await CreatedAsync(world);

        var unnamed = await RefusalAsync(() => meeting.ScheduleAsync(world.Secretariat));
        var oneNamed = (await meeting.SetChairsAsync(world.Secretariat, [world.MalteseId], null, 1)).Meeting;
        var stillOne = await RefusalAsync(() => meeting.ScheduleAsync(world.Secretariat));
        var unpaired = await RefusalAsync(() => meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.DelegateIds[1]], null, oneNamed.Version));
        Assert.Equal(MeetingStatus.Draft, (await meeting.GetAsync(world.Secretariat)).Status);
        Assert.Equal([world.MalteseId], (await meeting.GetAsync(world.Secretariat)).CoChairs.Select(c => c.PersonId));

        await meeting.SetChairsAsync(world.Secretariat, [world.MalteseId, world.DelegateIds[0]], null, oneNamed.Version);
        var scheduled = (await meeting.ScheduleAsync(world.Secretariat)).Meeting;

        Assert.Equal((ErrorCode.InvalidState, "CO_CHAIRS_MISSING"), (unnamed.Code, unnamed.Reason));
        Assert.Equal(("2", "1"), (stillOne.Values!["count"], stillOne.Values["named"]));
        Assert.Equal((ErrorCode.Validation, "CO_CHAIR_PAIRING"), (unpaired.Code, unpaired.Reason));
        Assert.Equal(MeetingStatus.Scheduled, scheduled.Status);
    }

    [Fact]
    public async Task A_strict_dialogue_schedules_an_activity_not_chaired_by_co_chairs_without_them()
    {
        var world = await NewWorldAsync(strictCoChairBalance: true);
        var meeting = await CreatedAsync(world);

        Assert.Equal(MeetingStatus.Scheduled, (await meeting.ScheduleAsync(world.Secretariat, chairedByCoChairs: false)).Meeting.Status);
    }

    [Fact]
    public async Task A_lenient_dialogue_schedules_a_meeting_before_its_co_chairs_are_named()
    {
        var world = await NewWorldAsync(coChairPairing: ["European", "Arab"]);
        var meeting = await CreatedAsync(world);

        Assert.Equal(MeetingStatus.Scheduled, (await meeting.ScheduleAsync(world.Secretariat)).Meeting.Status);
    }

    [Fact]
    public async Task Rapporteurs_are_secretariat_staff_a_meeting_has_at_most_two_co_chairs_and_a_list_left_out_stays()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);

        var notStaff = await RefusalAsync(() => meeting.SetChairsAsync(world.Secretariat, null, [world.DelegateIds[0]], 1));
        var three = await RefusalAsync(() => meeting.SetChairsAsync(world.Secretariat, [world.DelegateIds[0], world.DelegateIds[1], world.MalteseId], null, 1));
        var view = (await meeting.SetChairsAsync(world.Secretariat, null, [world.Secretariat.PersonId], 1)).Meeting;
        view = (await meeting.SetChairsAsync(world.Secretariat, [world.MalteseId], null, view.Version)).Meeting;

        Assert.Equal("RAPPORTEUR_NOT_SECRETARIAT", notStaff.Reason);
        Assert.Equal("TOO_MANY_CO_CHAIRS", three.Reason);
        Assert.Equal([world.Secretariat.PersonId], view.Rapporteurs.Select(r => r.PersonId));
        Assert.Equal([world.MalteseId], view.CoChairs.Select(c => c.PersonId));
    }

    [Fact]
    public async Task An_unknown_state_invites_nobody_and_changes_nothing_and_a_state_nobody_represents_warns()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);

        var e = await RefusalAsync(() => meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN"), new InvitationTarget(PartnerStateCode: "FR")]));
        var change = await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "LY"), new InvitationTarget(PersonId: world.MalteseId)]);

        Assert.Equal((ErrorCode.Validation, "NOT_A_PARTNER_STATE"), (e.Code, e.Reason));
        // A state is invited as a delegation; one without a focal point warns (the secretariat nominates for it).
        Assert.Equal("Libya", Assert.Single(change.Warnings, w => w.Code == "NO_FOCAL_POINT").Values!["target"]);
        Assert.Equal(["LY"], change.Meeting.Delegations!.Select(d => d.PartnerStateCode));
        Assert.Equal([world.MalteseId], change.Meeting.Invitations.Select(i => i.Invitee.PersonId));
    }

    [Fact]
    public async Task A_waitlisted_invitee_who_withdraws_leaves_the_line_and_those_behind_move_up()
    {
        var (meeting, world) = await ScheduledAsync(capacity: 1);
        foreach (var d in world.Delegates.Take(3))
            await meeting.RespondAsync(d, InvitationResponse.Accept);
        Assert.Equal(2, (await meeting.GetAsync(world.Delegates[2])).MyInvitation!.WaitlistPosition);

        await meeting.RespondAsync(world.Delegates[1], InvitationResponse.Withdraw);

        var last = (await meeting.GetAsync(world.Delegates[2])).MyInvitation!;
        Assert.Equal((InvitationStatus.Waitlisted, 1), (last.Status, last.WaitlistPosition));
        Assert.Equal(InvitationStatus.Withdrawn, await StatusOf(meeting, world.Delegates[1]));
        Assert.Equal(InvitationStatus.Accepted, await StatusOf(meeting, world.Delegates[0]));
        Assert.Equal((1, 1), ((await meeting.GetAsync(world.Secretariat)).AcceptedCount, (await meeting.GetAsync(world.Secretariat)).WaitlistCount));
    }

    [Fact]
    public async Task An_invitee_who_withdrew_may_answer_again_but_not_one_whose_invitation_the_secretariat_withdrew()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world, Visible(MeetingVisibility.DialogueMembers));
        await meeting.ScheduleAsync(world.Secretariat);
        await InviteTunisiaAsync(meeting, world);

        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Withdraw);
        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept);
        await meeting.WithdrawInvitationAsync(world.Secretariat, world.DelegateIds[1]);
        var e = await RefusalAsync(() => meeting.RespondAsync(world.Delegates[1], InvitationResponse.Accept));

        Assert.Equal(InvitationStatus.Accepted, await StatusOf(meeting, world.Delegates[0]));
        Assert.Equal((ErrorCode.InvalidState, "INVITATION_WITHDRAWN"), (e.Code, e.Reason));
        // A member of the dialogue still sees a meeting open to its members, but may no longer answer.
        Assert.False((await meeting.GetAsync(world.Delegates[1])).Permissions!.Respond);
        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => meeting.WithdrawInvitationAsync(world.Secretariat, world.MalteseId))).Code);
    }

    [Fact]
    public async Task Invitations_are_mailed_once_each_when_the_meeting_is_scheduled_not_before()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        await InviteTunisiaAsync(meeting, world);

        var revision = (await meeting.ScheduleAsync(world.Secretariat)).Meeting.Revision;

        var requests = await MailedAsync(world.Emails, CalendarMethod.Request);
        Assert.All(world.Emails, email => Assert.Equal(revision, Assert.Single(requests, m => m.To == email).Invitation!.Sequence));
    }

    [Fact]
    public async Task Cancelling_mails_a_cancellation_to_everyone_still_invited_and_freezes_the_meeting()
    {
        var (meeting, world) = await ScheduledAsync();
        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept);

        var cancelled = (await meeting.CancelAsync(world.Secretariat, "The host asked to postpone.")).Meeting;

        Assert.Equal((MeetingStatus.Cancelled, "The host asked to postpone."), (cancelled.Status, cancelled.CancellationReason));
        var cancels = await MailedAsync(world.Emails, CalendarMethod.Cancel);
        Assert.All(world.Emails, email => Assert.Single(cancels, m => m.To == email));
        Assert.Equal("MEETING_CANCELLED", (await RefusalAsync(() => meeting.RespondAsync(world.Delegates[1], InvitationResponse.Accept))).Reason);
        Assert.Equal(ErrorCode.InvalidState, (await RefusalAsync(() => meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PersonId: world.MalteseId)]))).Code);
        Assert.Equal(ErrorCode.InvalidState, (await RefusalAsync(() => meeting.SetChairsAsync(world.Secretariat, [world.MalteseId], null, cancelled.Version))).Code);
        Assert.Equal(ErrorCode.InvalidState, (await RefusalAsync(() => meeting.OpenAsync(world.Secretariat))).Code);
    }

    [Fact]
    public async Task A_cancellation_needs_a_reason_and_a_meeting_concludes_only_once_it_is_running()
    {
        var (meeting, world) = await ScheduledAsync();

        var noReason = await RefusalAsync(() => meeting.CancelAsync(world.Secretariat, "  "));
        var notRunning = await RefusalAsync(() => meeting.ConcludeAsync(world.Secretariat));
        await meeting.OpenAsync(world.Secretariat);
        var concluded = (await meeting.ConcludeAsync(world.Secretariat)).Meeting;

        Assert.Equal(ErrorCode.Validation, noReason.Code);
        Assert.Equal(ErrorCode.InvalidState, notRunning.Code);
        Assert.Equal(MeetingStatus.Concluded, concluded.Status);
        // Documents (the conclusions) are still added once a meeting has concluded.
        Assert.True(concluded.Permissions!.ManageDocuments);
        Assert.False(concluded.Permissions.UpdateDetails);
    }

    [Fact]
    public async Task A_draft_is_cancelled_without_mail_to_those_it_named()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        await InviteTunisiaAsync(meeting, world);

        var cancelled = (await meeting.CancelAsync(world.Secretariat, "Not needed after all.")).Meeting;
        // A change hands its mail to the outbox before it answers. Once another meeting's invitations have
        // reached the same people and nothing more waits to go to them, mail about the draft would be here.
        var other = await CreatedAsync(world);
        await InviteTunisiaAsync(other, world);
        await other.ScheduleAsync(world.Secretariat);
        await MailedAsync(world.Emails, CalendarMethod.Request, other.GetPrimaryKeyString());

        Assert.Equal(MeetingStatus.Cancelled, cancelled.Status);
        Assert.DoesNotContain(ClusterFixture.Mail.Delivered, m => m.MeetingId == meeting.GetPrimaryKeyString());
    }

    [Fact]
    public async Task Only_the_secretariat_changes_a_meeting_and_an_invitee_may_only_answer()
    {
        var (meeting, world) = await ScheduledAsync();
        var invitee = world.Delegates[0];

        foreach (var call in new Func<Task>[]
        {
            () => meeting.OpenAsync(invitee),
            () => meeting.CancelAsync(invitee, "No."),
            () => meeting.InviteAsync(invitee, [new InvitationTarget(PersonId: world.MalteseId)]),
            () => meeting.WithdrawInvitationAsync(invitee, world.DelegateIds[1]),
            () => meeting.SetChairsAsync(invitee, [world.MalteseId], null, 3),
            () => meeting.GetParticipantListAsync(invitee),
        })
        {
            Assert.Equal(ErrorCode.Forbidden, (await RefusalAsync(call)).Code);
        }
        var permissions = (await meeting.GetAsync(invitee)).Permissions!;
        Assert.Equal(
            MeetingPermissions.None with { Respond = true, SeeParticipants = true, Register = true },
            permissions);
    }

    [Fact]
    public async Task Who_sees_a_meeting_follows_its_visibility_and_a_draft_is_seen_only_by_the_secretariat_and_those_it_names()
    {
        var world = await NewWorldAsync();
        var stranger = new Caller("stranger-" + Guid.NewGuid().ToString("N"), IsAdministrator: false);
        var translator = await TranslatorAsync(world);
        var forParticipants = await CreatedAsync(world, Visible(MeetingVisibility.Participants));
        var forMembers = await CreatedAsync(world, Visible(MeetingVisibility.DialogueMembers));
        var forEveryone = await CreatedAsync(world, Visible(MeetingVisibility.Public));
        await forMembers.InviteAsync(world.Secretariat, [new InvitationTarget(PersonId: world.DelegateIds[0])]);

        // Drafts: the secretariat and the invitee see them; another member and the public do not.
        Assert.Equal(MeetingStatus.Draft, (await forMembers.GetAsync(world.Delegates[0])).Status);
        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => forMembers.GetAsync(world.Delegates[1]))).Code);
        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => forEveryone.GetAsync(null))).Code);
        // The dialogue's translators translate what meetings produce, not the secretariat's drafts.
        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => forParticipants.GetAsync(translator))).Code);

        foreach (var meeting in new[] { forParticipants, forMembers, forEveryone })
            await meeting.ScheduleAsync(world.Secretariat);

        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => forParticipants.GetAsync(world.Delegates[1]))).Code);
        Assert.Equal(MeetingStatus.Scheduled, (await forMembers.GetAsync(world.Delegates[1])).Status);
        // Once scheduled, the dialogue's translators see every meeting of it, whatever its visibility; its people stay hidden.
        var translated = await forParticipants.GetAsync(translator);
        Assert.Equal((MeetingStatus.Scheduled, 0), (translated.Status, translated.Invitations.Count));
        Assert.Equal(ErrorCode.NotFound, (await RefusalAsync(() => forMembers.GetAsync(stranger))).Code);
        Assert.Equal(MeetingStatus.Scheduled, (await forEveryone.GetAsync(null)).Status);
        Assert.Equal(MeetingStatus.Scheduled, (await forEveryone.GetAsync(stranger)).Status);
    }

    [Fact]
    public async Task The_people_and_the_online_link_are_shown_to_participants_and_the_secretariat_only()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world, Visible(MeetingVisibility.Public) with { Format = MeetingFormat.Hybrid, OnlineMeetingUrl = "https://meet.example.org/mtm" });
        await meeting.ScheduleAsync(world.Secretariat);
        await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PersonId: world.DelegateIds[0])]);
        await meeting.RespondAsync(world.Delegates[0], InvitationResponse.Accept);

        var anonymous = await meeting.GetAsync(null);
        var member = await meeting.GetAsync(world.Delegates[1]);
        var participant = await meeting.GetAsync(world.Delegates[0]);
        var secretariat = await meeting.GetAsync(world.Secretariat);

        foreach (var outsider in new[] { anonymous, member })
        {
            Assert.Null(outsider.OnlineMeetingUrl);
            Assert.Null(outsider.Details.OnlineMeetingUrl);
            Assert.Empty(outsider.Participants);
            Assert.Empty(outsider.Invitations);
        }
        Assert.Equal("https://meet.example.org/mtm", participant.OnlineMeetingUrl);
        Assert.Equal([world.DelegateIds[0]], participant.Participants.Select(p => p.PersonId));
        Assert.Empty(participant.Invitations);
        Assert.Equal([world.DelegateIds[0]], secretariat.Invitations.Select(i => i.Invitee.PersonId));
        Assert.Equal(1, anonymous.AcceptedCount);
    }

    [Fact]
    public async Task A_retried_creation_answers_the_meeting_as_it_is_and_a_second_creation_is_a_conflict()
    {
        var world = await NewWorldAsync();
        var meeting = Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key));

        var first = (await meeting.CreateAsync(world.Secretariat, Details(), "retry-1")).Meeting;
        var retried = (await meeting.CreateAsync(world.Secretariat, Details(capacity: 9), "retry-1")).Meeting;
        var second = await RefusalAsync(() => meeting.CreateAsync(world.Secretariat, Details(), "retry-2"));
        var delegateCreates = await RefusalAsync(() => Grains.GetGrain<IMeetingGrain>(MeetingKey.New(world.Key)).CreateAsync(world.Delegates[0], Details()));

        Assert.Equal((first.Version, first.Details.Capacity), (retried.Version, retried.Details.Capacity));
        Assert.Equal(ErrorCode.Conflict, second.Code);
        Assert.Equal(ErrorCode.Forbidden, delegateCreates.Code);
    }

    /// <summary>
    /// The messages of one kind delivered about a meeting to each address, once the outbox has delivered
    /// them all and holds nothing more for those addresses.
    /// </summary>
    private async Task<IReadOnlyList<OutboxItem>> MailedAsync(IReadOnlyList<string> addresses, CalendarMethod method, string? meetingId = null)
    {
        bool Matches(OutboxItem m) => m.Invitation?.Method == method && (meetingId is null || m.MeetingId == meetingId) && addresses.Contains(m.To);
        await Eventually.Async(
            () => Task.FromResult(addresses.All(a => ClusterFixture.Mail.Delivered.Any(m => m.To == a && Matches(m))) ? (object)true : null),
            $"a {method} to each of {addresses.Count} addresses");
        var index = Grains.GetGrain<IOutboxIndexGrain>(0);
        await Eventually.Async(
            async () => (await index.ListAsync(Administrator)).Any(e => addresses.Contains(e.To) && e.Status == OutboxStatus.Pending) ? null : (object)true,
            "the outbox to send everything to those addresses");
        return [.. ClusterFixture.Mail.Delivered.Where(Matches)];
    }
}
