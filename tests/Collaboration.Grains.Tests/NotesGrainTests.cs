using Collaboration.Notes;
using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>The notes grain with the meeting grain it asks, on the test cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NotesGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_meeting_telling_the_notes_and_the_notes_asking_the_meeting_never_wait_on_each_other()
    {
        // The meeting tells its notes grain when access changes (naming co-chairs does) while the notes grain
        // asks the meeting for its context on every write. Were both calls awaited, each grain would wait for
        // the other, neither reentrant: crossing them many times would hang until the response timeout.
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("TN", "Tunisia", 2002, "Arab"));
        await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Secretariat]));
        var ids = new List<string>();
        foreach (var state in (string[])["MT", "TN"])
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email, $"Co-chair {state}"), new Membership([DialogueRole.Delegate], state));
            ids.Add((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!);
        }
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(key));
        var created = await meeting.CreateAsync(Administrator, MeetingDetailsForm.Of(new MeetingDetails(
            [new LocalizedText("en", "Expert meeting")], [], MeetingType.ExpertMeeting, null, "MT", "Valletta", null, "Europe/Malta",
            new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 17, 0, 0), ["en"], false, null, MeetingVisibility.Participants, true, AttributionGuard.Warn)));
        var session = (await meeting.AddSessionAsync(Administrator, WorkingSessionInput.Of("Opening", new DateTime(2030, 6, 3, 9, 30, 0), new DateTime(2030, 6, 3, 11, 0, 0), [], null, null), created.Meeting.Version))
            .Meeting.Sessions.Single().Id;
        await meeting.ScheduleAsync(Administrator);
        var version = (await meeting.OpenAsync(Administrator)).Meeting.Version;
        version = (await meeting.SetChairsAsync(Administrator, ids, [], version)).Meeting.Version;
        var notes = fixture.Grains.GetGrain<INotesGrain>(meeting.GetPrimaryKeyString());
        var coChair = new Caller(ids[0], false);

        for (var round = 0; round < 20; round++)
        {
            var chairs = meeting.SetChairsAsync(Administrator, round % 2 == 0 ? ids : [.. ids.AsEnumerable().Reverse()], [], version);
            var appends = Enumerable.Range(0, 3).Select(i => notes.AppendAsync(coChair, Guid.NewGuid(), session, new NoteText($"Point {round}.{i} on data."), false)).ToList();
            await Task.WhenAll([chairs, .. appends]).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            version = (await chairs).Meeting.Version;
            Assert.All(appends, a => Assert.Null(a.Result.Code));
        }
        Assert.Equal(60, (await notes.JoinAsync(coChair, 0)).Entries.Count);
    }
}
