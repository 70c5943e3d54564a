using Collaboration.Exchanges;
using Collaboration.Meetings;
using Collaboration.Outcomes;
using Collaboration.WorkingGroups;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>A meeting's conclusions and recommendations, from the draft to their follow-up, on the test cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MeetingOutcomesGrainTests(ClusterFixture fixture)
{
    private const string Pillar = "Migration and development";
    private const string Topic = "Labour migration";

    private sealed record World(
        string Key, IMeetingGrain Meeting, IMeetingOutcomesGrain Outcomes, string SessionId, string GroupId,
        Caller Secretariat, Caller CoChair, Caller Rapporteur, Caller Translator,
        Caller TnFocal, Caller TnDelegate, Caller MaFocal, Caller Agency);

    /// <summary>
    /// A dialogue of Malta, Tunisia and Morocco with IOM; a meeting of its members in English and French, in
    /// progress, co-chaired by a Maltese and a Tunisian delegate with a rapporteur; a working group chaired by
    /// Tunisia's focal point.
    /// </summary>
    private async Task<World> NewWorldAsync(MeetingStatus status = MeetingStatus.InProgress)
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings() with { Pillars = [Pillar], Topics = [Topic] });
        foreach (var (code, name, group) in new[] { ("MT", "Malta", "European"), ("TN", "Tunisia", "Arab"), ("MA", "Morocco", "Arab") })
            await dialogue.AddPartnerStateAsync(Administrator, new PartnerState(code, name, 2002, group));
        await dialogue.AddOrganisationAsync(Administrator, OrganisationKind.PartnerAgency, new Organisation("iom", "International Organization for Migration", "IOM", null));
        async Task<Caller> Member(Membership membership, string name)
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email, name), membership);
            return new Caller((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
        }
        var secretariat = await Member(new Membership([DialogueRole.Secretariat]), "Sara Secretariat");
        var rapporteur = await Member(new Membership([DialogueRole.Secretariat]), "Rania Rapporteur");
        var translator = await Member(new Membership([DialogueRole.Translator]), "Theo Translator");
        var mtChair = await Member(new Membership([DialogueRole.Delegate], "MT"), "Marco Camilleri");
        var tnChair = await Member(new Membership([DialogueRole.Delegate], "TN"), "Amel Trabelsi");
        var tnFocal = await Member(new Membership([DialogueRole.FocalPoint], "TN"), "Karim Jaziri");
        var tnDelegate = await Member(new Membership([DialogueRole.Delegate], "TN"), "Leila Mansour");
        var maFocal = await Member(new Membership([DialogueRole.FocalPoint, DialogueRole.Delegate], "MA"), "Youssef Alaoui");
        var agency = await Member(new Membership([DialogueRole.Agency], OrganisationKey: "iom"), "Ingrid Olsen");

        var groupId = $"{key}/silk-routes";
        await fixture.Grains.GetGrain<IWorkingGroupGrain>(groupId).CreateAsync(secretariat,
            new WorkingGroupDetails("Silk Routes working group", "Exchange along the Silk Routes.", ["TN"], [], [], [tnFocal.PersonId]));

        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(key));
        var created = await meeting.CreateAsync(secretariat, MeetingDetailsForm.Of(new MeetingDetails(
            [new LocalizedText("en", "Expert meeting on labour migration")], [], MeetingType.ExpertMeeting, Pillar, "MT", "Valletta", null, "Europe/Malta",
            new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 17, 0, 0), ["en", "fr"], false, null, MeetingVisibility.DialogueMembers, true, AttributionGuard.Warn)));
        var session = (await meeting.AddSessionAsync(secretariat, WorkingSessionInput.Of("Opening", new DateTime(2030, 6, 3, 9, 30, 0), new DateTime(2030, 6, 3, 11, 0, 0), []), created.Meeting.Version))
            .Meeting.Sessions.Single().Id;
        var version = (await meeting.SetChairsAsync(secretariat, [mtChair.PersonId, tnChair.PersonId], [rapporteur.PersonId], (await meeting.GetAsync(secretariat)).Version)).Meeting.Version;
        if (status != MeetingStatus.Draft)
            await meeting.ScheduleAsync(secretariat);
        if (status is MeetingStatus.InProgress or MeetingStatus.Concluded)
            await meeting.OpenAsync(secretariat);
        if (status == MeetingStatus.Concluded)
            await meeting.ConcludeAsync(secretariat);
        var outcomes = fixture.Grains.GetGrain<IMeetingOutcomesGrain>(meeting.GetPrimaryKeyString());
        return new World(key, meeting, outcomes, session, groupId, secretariat, mtChair, rapporteur, translator, tnFocal, tnDelegate, maFocal, agency);
    }

    private static OutcomeInput Recommendation(string text = "Partner states should open regular pathways for seasonal workers.", params Addressee[] to) =>
        new(OutcomeKind.Recommendation, null, "en", text, to.Length == 0 ? [new Addressee(AddresseeKind.PartnerState, "TN")] : to);

    private static OutcomeInput Conclusion(string text = "Data on labour migration remains scattered across the region.") =>
        new(OutcomeKind.Conclusion, null, "en", text);

    /// <summary>Proposes, adopts and publishes the given outcomes; answers them published.</summary>
    private static async Task<MeetingOutcomes> PublishedAsync(World w, params OutcomeInput[] inputs)
    {
        MeetingOutcomes current = await w.Outcomes.GetAsync(w.Secretariat);
        foreach (var input in inputs)
            current = await w.Outcomes.ProposeAsync(w.Rapporteur, input);
        foreach (var outcome in current.Outcomes)
            current = await w.Outcomes.AdoptAsync(w.CoChair, outcome.Id, outcome.Version);
        return await w.Outcomes.PublishAsync(w.Secretariat);
    }

    private static async Task RefusedUnchanged(World w, ErrorCode code, Func<Task> call, string? reason = null)
    {
        var before = await w.Outcomes.GetAsync(w.Secretariat);
        var e = await Assert.ThrowsAsync<CollaborationException>(call);
        Assert.Equal(code, e.Code);
        if (reason is not null)
            Assert.Equal(reason, e.Reason);
        var after = await w.Outcomes.GetAsync(w.Secretariat);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Outcomes), System.Text.Json.JsonSerializer.Serialize(after.Outcomes));
    }

    [Fact]
    public async Task Outcomes_are_proposed_adopted_and_published_and_others_see_them_only_then()
    {
        var w = await NewWorldAsync();
        var proposed = await w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion() with { SessionId = w.SessionId });
        proposed = await w.Outcomes.ProposeAsync(w.CoChair, Recommendation());
        Assert.Equal([OutcomeStatus.Proposed, OutcomeStatus.Proposed], proposed.Outcomes.Select(o => o.Status));
        Assert.True(proposed.Permissions.Draft);
        Assert.True(proposed.Permissions.Adopt);
        Assert.Empty((await w.Outcomes.GetAsync(w.TnDelegate)).Outcomes);
        Assert.Equal(2, (await w.Outcomes.GetAsync(w.Translator)).Outcomes.Count);
        Assert.False((await w.Outcomes.GetAsync(w.TnDelegate)).Permissions.Draft);

        foreach (var outcome in proposed.Outcomes)
            proposed = await w.Outcomes.AdoptAsync(w.CoChair, outcome.Id, outcome.Version);
        Assert.All(proposed.Outcomes, o => Assert.Equal(OutcomeStatus.Adopted, o.Status));
        Assert.Empty((await w.Outcomes.GetAsync(w.TnDelegate)).Outcomes);

        var published = await w.Outcomes.PublishAsync(w.Secretariat);
        Assert.True(published.Published);
        Assert.All(published.Outcomes, o => Assert.Equal(OutcomeStatus.Published, o.Status));
        var seen = await w.Outcomes.GetAsync(w.TnDelegate);
        Assert.Equal(2, seen.Outcomes.Count);
        Assert.Equal(w.SessionId, seen.Outcomes[0].SessionId);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Outcomes.GetAsync(new Caller("someone-else", false))));

        var followUp = await fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(w.TnDelegate, Pillar, 2030);
        var listed = Assert.Single(followUp);
        Assert.Equal("Expert meeting on labour migration", listed.MeetingTitle);
        Assert.Equal(OutcomeKind.Recommendation, listed.Recommendation.Kind);
        Assert.Empty(await fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(w.TnDelegate, "Other pillar", null));
        Assert.Empty(await fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(w.TnDelegate, null, 2031));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(new Caller("someone-else", false), null, null)));
    }

    [Fact]
    public async Task Every_refusal_says_why_and_leaves_the_outcomes_as_they_were()
    {
        var draft = await NewWorldAsync(MeetingStatus.Scheduled);
        await RefusedUnchanged(draft, ErrorCode.InvalidState, () => draft.Outcomes.ProposeAsync(draft.Rapporteur, Conclusion()), "OUTCOMES_NOT_YET");

        var w = await NewWorldAsync(MeetingStatus.Concluded);
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.ProposeAsync(w.TnDelegate, Conclusion()));
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.ProposeAsync(w.Translator, Conclusion()));
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion("  ")), "REQUIRED");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion(new string('a', 4001))), "TOO_LONG");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion() with { Language = "ar" }), "NOT_A_MEETING_LANGUAGE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion() with { SessionId = "nope" }), "UNKNOWN_SESSION");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion() with { Addressees = [new(AddresseeKind.Secretariat)] }), "CONCLUSION_ADDRESSED");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation() with { Addressees = [] }), "ADDRESSEE_REQUIRED");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation(to: new Addressee(AddresseeKind.PartnerState, "EG"))), "UNKNOWN_ADDRESSEE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation(to: new Addressee(AddresseeKind.Organisation, "unhcr"))), "UNKNOWN_ADDRESSEE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation(to: new Addressee(AddresseeKind.WorkingGroup, $"{w.Key}/none"))), "UNKNOWN_ADDRESSEE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation(to: new Addressee(AddresseeKind.PartnerStates, "TN"))), "ADDRESSEE_TAKES_NO_KEY");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation("Morocco's delegate proposed a joint labour mobility scheme.")), "ATTRIBUTION");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation("As Amel Trabelsi said, data should be shared.")), "ATTRIBUTION");
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.PublishAsync(w.Secretariat), "NOTHING_ADOPTED");

        var proposed = (await w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation())).Outcomes.Single();
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.AdoptAsync(w.Rapporteur, proposed.Id, proposed.Version));
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.AdoptAsync(w.Secretariat, proposed.Id, proposed.Version));
        await RefusedUnchanged(w, ErrorCode.Conflict, () => w.Outcomes.AdoptAsync(w.CoChair, proposed.Id, proposed.Version + 1));
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.PublishAsync(w.CoChair));
        var refusal = await Assert.ThrowsAsync<CollaborationException>(() => w.Outcomes.PublishAsync(w.Secretariat));
        Assert.Equal(("OUTCOMES_STILL_PROPOSED", "1"), (refusal.Reason, refusal.Values!["count"]));
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.ReportProgressAsync(w.Secretariat, proposed.Id, new(AddresseeKind.PartnerState, "TN"), FollowUpStatus.InProgress, "Started."), "NOT_A_PUBLISHED_RECOMMENDATION");
        await RefusedUnchanged(w, ErrorCode.NotFound, () => w.Outcomes.ReportProgressAsync(w.TnFocal, proposed.Id, new(AddresseeKind.PartnerState, "TN"), FollowUpStatus.InProgress, "Started."));

        var adopted = (await w.Outcomes.AdoptAsync(w.CoChair, proposed.Id, proposed.Version)).Outcomes.Single();
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.EditAsync(w.Rapporteur, adopted.Id, adopted.Version, Recommendation("Changed after adoption.")), "OUTCOME_NOT_PROPOSED");
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.WithdrawAsync(w.Rapporteur, adopted.Id, adopted.Version), "OUTCOME_NOT_PROPOSED");
        await w.Outcomes.PublishAsync(w.Secretariat);
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion()), "OUTCOMES_PUBLISHED");
        await RefusedUnchanged(w, ErrorCode.InvalidState, () => w.Outcomes.PublishAsync(w.Secretariat), "OUTCOMES_PUBLISHED");
        await RefusedUnchanged(w, ErrorCode.NotFound, () => w.Outcomes.TranslateAsync(w.Translator, "no-such-outcome", "fr", "Texte.", 1));
    }

    [Fact]
    public async Task Numbers_follow_the_order_of_proposal_per_kind_and_close_up_after_a_withdrawal()
    {
        var w = await NewWorldAsync();
        await w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation("First recommendation on seasonal work."));
        await w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion("First conclusion on data."));
        await w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation("Second recommendation on skills."));
        var all = await w.Outcomes.ProposeAsync(w.Rapporteur, Recommendation("Third recommendation on recognition of diplomas."));
        Assert.Equal([(OutcomeKind.Recommendation, 1), (OutcomeKind.Conclusion, 1), (OutcomeKind.Recommendation, 2), (OutcomeKind.Recommendation, 3)],
            all.Outcomes.Select(o => (o.Kind, o.Number)));

        var second = all.Outcomes[2];
        var after = await w.Outcomes.WithdrawAsync(w.CoChair, second.Id, second.Version);
        Assert.Equal(["First recommendation on seasonal work.", "First conclusion on data.", "Third recommendation on recognition of diplomas."], after.Outcomes.Select(o => o.Text));
        Assert.Equal([1, 1, 2], after.Outcomes.Select(o => o.Number));
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_conflicts_and_a_retried_proposal_is_made_once()
    {
        var w = await NewWorldAsync();
        var first = await w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion(), "key-1");
        var retried = await w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion(), "key-1");
        var outcome = Assert.Single(retried.Outcomes);
        Assert.Equal(first.Version, retried.Version);

        var edited = (await w.Outcomes.EditAsync(w.CoChair, outcome.Id, 1, Conclusion("  Data on labour migration is scattered.  "))).Outcomes.Single();
        Assert.Equal((2, "Data on labour migration is scattered."), (edited.Version, edited.Text));
        await RefusedUnchanged(w, ErrorCode.Conflict, () => w.Outcomes.EditAsync(w.Rapporteur, outcome.Id, 1, Conclusion("A stale edit.")));
        await RefusedUnchanged(w, ErrorCode.Conflict, () => w.Outcomes.WithdrawAsync(w.Rapporteur, outcome.Id, 1));
        // Another note-taker's same key is another request.
        Assert.Equal(2, (await w.Outcomes.ProposeAsync(w.CoChair, Conclusion(), "key-1")).Outcomes.Count);
    }

    [Fact]
    public async Task A_translation_is_of_the_version_read_and_stale_once_the_original_changes()
    {
        var w = await NewWorldAsync();
        var outcome = (await w.Outcomes.ProposeAsync(w.Rapporteur, Conclusion())).Outcomes.Single();
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.TranslateAsync(w.CoChair, outcome.Id, "fr", "Les données restent dispersées.", 1));
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.TranslateAsync(w.Translator, outcome.Id, "en", "Same language.", 1), "SAME_LANGUAGE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.TranslateAsync(w.Translator, outcome.Id, "ar", "البيانات", 1), "NOT_A_MEETING_LANGUAGE");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.TranslateAsync(w.Translator, outcome.Id, "fr", "La délégation marocaine a proposé un programme.", 1), "ATTRIBUTION");

        var translated = (await w.Outcomes.TranslateAsync(w.Translator, outcome.Id, "fr", "Les données sur la migration de travail restent dispersées.", 1)).Outcomes.Single();
        Assert.Equal("Les données sur la migration de travail restent dispersées.", translated.TextIn("fr"));

        var edited = (await w.Outcomes.EditAsync(w.Rapporteur, outcome.Id, 1, Conclusion("Data on labour migration is scattered and old."))).Outcomes.Single();
        var stale = Assert.Single(edited.Translations);
        Assert.True(stale.SourceVersion < edited.Version);
        // What changed: the translation keeps the original it translated, to set beside the text now.
        Assert.Equal(outcome.Text, stale.SourceText);
        Assert.Null(edited.TextIn("fr"));
        var conflict = await Assert.ThrowsAsync<CollaborationException>(() => w.Outcomes.TranslateAsync(w.Translator, outcome.Id, "fr", "Une traduction de l'ancien texte.", 1));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        Assert.Contains("original changed since you read it", conflict.Message);

        // Another translation saved since the one read is never overwritten unseen.
        await RefusedUnchanged(w, ErrorCode.Conflict, () => w.Outcomes.TranslateAsync(w.Secretariat, outcome.Id, "fr", "Les données sont dispersées et anciennes.", 2), "TRANSLATION_CHANGED");
        var fresh = (await w.Outcomes.TranslateAsync(w.Secretariat, outcome.Id, "fr", "Les données sont dispersées et anciennes.", 2, expectedRevision: 1)).Outcomes.Single();
        Assert.Equal((2, 2), (Assert.Single(fresh.Translations).SourceVersion, fresh.Translations[0].Revision));
        // The same translation again (a retry) is taken as it is.
        Assert.Equal(2, (await w.Outcomes.TranslateAsync(w.Secretariat, outcome.Id, "fr", "Les données sont dispersées et anciennes.", 2, expectedRevision: 1)).Outcomes.Single().Translations[0].Revision);
    }

    [Fact]
    public async Task Progress_is_reported_for_an_addressed_party_by_those_who_speak_for_it()
    {
        var w = await NewWorldAsync();
        var published = await PublishedAsync(w,
            Recommendation("Partner states should share labour market data.", new Addressee(AddresseeKind.PartnerState, "TN"), new Addressee(AddresseeKind.Organisation, "iom")));
        var recommendation = published.Outcomes.Single();
        var tn = new Addressee(AddresseeKind.PartnerState, "TN");

        Assert.Equal([tn], (await w.Outcomes.GetAsync(w.TnFocal)).MayReportFor(recommendation.Id));
        Assert.Empty((await w.Outcomes.GetAsync(w.TnDelegate)).MayReportFor(recommendation.Id));
        Assert.Empty((await w.Outcomes.GetAsync(w.MaFocal)).MayReportFor(recommendation.Id));
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.ReportProgressAsync(w.TnDelegate, recommendation.Id, tn, FollowUpStatus.InProgress, "A delegate reports."));
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ReportProgressAsync(w.MaFocal, recommendation.Id, new(AddresseeKind.PartnerState, "MA"), FollowUpStatus.InProgress, "Not addressed."), "NOT_AN_ADDRESSEE");
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.ReportProgressAsync(w.MaFocal, recommendation.Id, tn, FollowUpStatus.InProgress, "For another state."));
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.ReportProgressAsync(w.TnFocal, recommendation.Id, tn, FollowUpStatus.InProgress, " "), "REQUIRED");

        ClusterFixture.Clock.Advance(TimeSpan.FromDays(1));
        var reported = (await w.Outcomes.ReportProgressAsync(w.TnFocal, recommendation.Id, tn, FollowUpStatus.Implemented, "The data portal is online.", "report-1")).Outcomes.Single();
        reported = (await w.Outcomes.ReportProgressAsync(w.TnFocal, recommendation.Id, tn, FollowUpStatus.Implemented, "The data portal is online.", "report-1")).Outcomes.Single();
        Assert.Equal(FollowUpStatus.Implemented, reported.FollowUp);
        var update = Assert.Single(reported.Progress);
        Assert.Equal((tn, ClusterFixture.Clock.GetUtcNow()), (update.ReportedFor, update.ReportedAt));

        reported = (await w.Outcomes.ReportProgressAsync(w.Agency, recommendation.Id, new(AddresseeKind.Organisation, "iom"), FollowUpStatus.InProgress, "Reopened: a second phase.")).Outcomes.Single();
        Assert.Equal(FollowUpStatus.InProgress, reported.FollowUp);
        reported = (await w.Outcomes.ReportProgressAsync(w.Secretariat, recommendation.Id, tn, FollowUpStatus.Dropped, "Dropped for lack of funding.")).Outcomes.Single();
        Assert.Equal((FollowUpStatus.Dropped, 3), (reported.FollowUp, reported.Progress.Count));
        var listed = Assert.Single(await fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(w.Agency, null, null));
        Assert.Equal(FollowUpStatus.Dropped, listed.Recommendation.FollowUp);
        Assert.Equal([new Addressee(AddresseeKind.Organisation, "iom")], listed.ViewerMayReportFor);
    }

    [Fact]
    public async Task All_partner_states_are_reported_for_one_by_one_by_their_focal_points()
    {
        var w = await NewWorldAsync();
        var recommendation = (await PublishedAsync(w, Recommendation("Every partner state should name a labour migration contact.", new Addressee(AddresseeKind.PartnerStates)))).Outcomes.Single();
        Assert.Equal([new Addressee(AddresseeKind.PartnerState, "MA")], (await w.Outcomes.GetAsync(w.MaFocal)).MayReportFor(recommendation.Id));
        var reported = (await w.Outcomes.ReportProgressAsync(w.MaFocal, recommendation.Id, new(AddresseeKind.PartnerState, "MA"), FollowUpStatus.InProgress, "A contact is being named.")).Outcomes.Single();
        Assert.Equal(new Addressee(AddresseeKind.PartnerState, "MA"), reported.Progress.Single().ReportedFor);
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => w.Outcomes.ReportProgressAsync(w.MaFocal, recommendation.Id, new(AddresseeKind.PartnerState, "TN"), FollowUpStatus.InProgress, "For Tunisia.")));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => w.Outcomes.ReportProgressAsync(w.Secretariat, recommendation.Id, new(AddresseeKind.PartnerState, "EG"), FollowUpStatus.InProgress, "Not a partner state.")));
        reported = (await w.Outcomes.ReportProgressAsync(w.Secretariat, recommendation.Id, new(AddresseeKind.PartnerState, "TN"), FollowUpStatus.Implemented, "Tunisia named its contact.")).Outcomes.Single();
        Assert.Equal((FollowUpStatus.Implemented, 2), (reported.FollowUp, reported.Progress.Count));
    }

    [Fact]
    public async Task A_recommendation_spawns_an_action_item_and_an_exchange_request_linked_both_ways()
    {
        var w = await NewWorldAsync();
        var recommendation = (await PublishedAsync(w, Recommendation("The group and Tunisia should map seasonal work schemes.",
            new Addressee(AddresseeKind.WorkingGroup, $"{w.Key}/silk-routes"), new Addressee(AddresseeKind.PartnerState, "TN")))).Outcomes.Single();
        var item = new ActionItemInput("Map seasonal work schemes", w.TnFocal.PersonId, new DateOnly(2031, 3, 1));

        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.SpawnActionItemAsync(w.TnDelegate, recommendation.Id, w.GroupId, item));
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.SpawnActionItemAsync(w.Secretariat, recommendation.Id, $"{w.Key}/other", item), "NOT_AN_ADDRESSEE");
        var linked = (await w.Outcomes.SpawnActionItemAsync(w.TnFocal, recommendation.Id, w.GroupId, item, "spawn-1")).Outcomes.Single();
        linked = (await w.Outcomes.SpawnActionItemAsync(w.TnFocal, recommendation.Id, w.GroupId, item, "spawn-1")).Outcomes.Single();
        var link = Assert.Single(linked.Links);
        Assert.Equal(OutcomeLinkKind.ActionItem, link.Kind);
        var group = await fixture.Grains.GetGrain<IWorkingGroupGrain>(w.GroupId).GetAsync(w.TnFocal);
        var action = Assert.Single(group.ActionItems);
        Assert.Equal($"{w.GroupId}#{action.Id}", link.Id);
        Assert.Equal(new OutcomeReference(w.Meeting.GetPrimaryKeyString(), recommendation.Id), action.Source);

        var request = new ExchangeRequest("TN", w.TnFocal.PersonId, ExchangeKind.StudyVisit, Topic, "Learn how seasonal schemes are run.",
            new DateOnly(2031, 4, 1), new DateOnly(2031, 6, 30), 5, [], "en");
        await RefusedUnchanged(w, ErrorCode.Validation, () => w.Outcomes.SpawnExchangeRequestAsync(w.MaFocal, recommendation.Id, request with { RequestingStateCode = "MA", RequestingExpertId = w.MaFocal.PersonId }), "NOT_AN_ADDRESSEE");
        await RefusedUnchanged(w, ErrorCode.Forbidden, () => w.Outcomes.SpawnExchangeRequestAsync(w.MaFocal, recommendation.Id, request));
        linked = (await w.Outcomes.SpawnExchangeRequestAsync(w.TnFocal, recommendation.Id, request, "spawn-2")).Outcomes.Single();
        linked = (await w.Outcomes.SpawnExchangeRequestAsync(w.TnFocal, recommendation.Id, request, "spawn-2")).Outcomes.Single();
        Assert.Equal(2, linked.Links.Count);
        var exchangeLink = linked.Links[1];
        Assert.Equal(OutcomeLinkKind.ExchangeRequest, exchangeLink.Kind);
        var exchange = await fixture.Grains.GetGrain<IExpertExchangeGrain>(exchangeLink.Id).GetAsync(w.TnFocal);
        Assert.Equal(new OutcomeReference(w.Meeting.GetPrimaryKeyString(), recommendation.Id), exchange.Request.Source);
        Assert.Equal(2, (await fixture.Grains.GetGrain<IFollowUpIndexGrain>(w.Key).ListAsync(w.TnDelegate, null, null)).Single().Recommendation.Links.Count);
    }
}
