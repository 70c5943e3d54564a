using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>
/// A refusal crosses from the silo to a client as it was made: the test cluster's client is outside the silo,
/// so every refusal it catches was serialized, problems and their values included.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RefusalTransportTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_refusal_of_several_fields_reaches_the_client_with_each_problem_and_its_values()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(key));

        var refusal = await Assert.ThrowsAsync<CollaborationException>(() => meeting.CreateAsync(Administrator, MeetingDetailsForm.Of(new MeetingDetails(
            [new LocalizedText("en", " ")], [], MeetingType.ExpertMeeting, null, "MT", new string('c', 101), new string('v', 201), "Europe/Malta",
            new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 17, 0, 0), ["en"], false, null, MeetingVisibility.Participants, false, AttributionGuard.Warn))));

        Assert.Equal(ErrorCode.Validation, refusal.Code);
        var problems = refusal.FieldProblems.ToDictionary(p => p.Field);
        Assert.Equal(["city", "titles", "venue"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("TOO_LONG", "100"), (problems["city"].Reason, problems["city"].Values?["max"]));
        Assert.Equal(("TOO_LONG", "200"), (problems["venue"].Reason, problems["venue"].Values?["max"]));
        Assert.Equal(("NO_TITLE", null), (problems["titles"].Reason, problems["titles"].Values));
        Assert.Equal((refusal.Field, refusal.Reason), (refusal.FieldProblems[0].Field, refusal.FieldProblems[0].Reason));
    }
}
