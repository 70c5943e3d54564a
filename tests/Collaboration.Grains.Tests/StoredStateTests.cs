using Collaboration.Cities;
using Collaboration.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>
/// States stored before a contract changed stay readable: they are written into storage as an older version
/// wrote them, then read by a grain that was never active.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredStateTests(ClusterFixture fixture)
{
    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);

    private async Task<T> ReadAsync<T>(string grainType, string stateName, string key) where T : new()
    {
        var stored = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, GrainId.Create(grainType, key), stored);
        Assert.True(stored.RecordExists, $"No stored {stateName} for {key}.");
        Assert.NotNull(stored.State);
        return stored.State;
    }

    private Task WriteAsync<T>(string grainType, string stateName, string key, T state) =>
        Storage.WriteStateAsync(stateName, GrainId.Create(grainType, key), new GrainState<T>(state));

    [Fact]
    public async Task A_session_stored_with_one_title_reads_as_the_title_in_the_meetings_first_language()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MT", "Malta", 2002, "European"));
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(key));
        var created = await meeting.CreateAsync(Administrator, MeetingDetailsForm.Of(new MeetingDetails(
            [new LocalizedText("fr", "Réunion d'experts")], [], MeetingType.ExpertMeeting, null, "MT", "Valletta", null, "Europe/Malta",
            new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 17, 0, 0), ["fr", "en"], false, null, MeetingVisibility.Participants, false, AttributionGuard.Warn)));
        await meeting.AddSessionAsync(Administrator, WorkingSessionInput.Of("Ouverture", new DateTime(2030, 6, 3, 9, 30, 0), new DateTime(2030, 6, 3, 10, 0, 0), []), created.Meeting.Version);

        // The same meeting as it was stored before sessions kept a title per language.
        var state = await ReadAsync<MeetingState>("meeting", "meeting", meeting.GetPrimaryKeyString());
        state.Sessions = [.. state.Sessions.Select(s => s with { Titles = null })];
        var old = MeetingKey.New(key);
        await WriteAsync("meeting", "meeting", old, state);

        var read = await fixture.Grains.GetGrain<IMeetingGrain>(old).GetAsync(Administrator);

        var session = Assert.Single(read.Sessions);
        Assert.Equal("Ouverture", session.Title);
        Assert.Equal([new LocalizedText("fr", "Ouverture")], session.Titles);
    }

    [Fact]
    public async Task A_city_typed_into_a_stored_membership_is_tied_to_the_dialogues_city_of_that_name_and_kept_otherwise()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        var before = (await dialogue.GetAsync(Administrator)).Members.Select(m => m.PersonId).ToHashSet();
        await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Secretariat]));
        var added = await dialogue.AddMemberAsync(Administrator, Profile(), new Membership([DialogueRole.Secretariat]));
        var ids = added.Members.Select(m => m.PersonId).Where(id => !before.Contains(id)).ToList();
        Assert.Equal(2, ids.Count);
        var state = await ReadAsync<DialogueState>("dialogue", "dialogue", key);

        // The same dialogue as stored when a city was typed, under a key whose index knows Tunis only.
        var old = NewKey();
        // (Roles as a List: storage names the runtime type, and the test assembly's own types are not allowed.)
        state.Members[ids[0]] = new Membership(new List<DialogueRole> { DialogueRole.Secretariat, DialogueRole.CityOfficial }, City: "tunis ");
        state.Members[ids[1]] = new Membership(new List<DialogueRole> { DialogueRole.Secretariat, DialogueRole.CityOfficial }, City: "Atlantis");
        await fixture.Grains.GetGrain<ICityIndexGrain>(old).AddCityAsync(new CitySummary($"{old}/tunis", "Tunis", "TN"));
        await WriteAsync("dialogue", "dialogue", old, state);

        var members = (await fixture.Grains.GetGrain<IDialogueGrain>(old).GetAsync(Administrator)).Members.ToDictionary(m => m.PersonId, m => m.Membership);

        Assert.Equal(($"{old}/tunis", "Tunis"), (members[ids[0]].CityId, members[ids[0]].City));
        Assert.Equal((null, "Atlantis"), (members[ids[1]].CityId, members[ids[1]].City));
    }
}
