namespace Collaboration.Server.Tests;

/// <summary>Working sessions are titled in the meeting's working languages; title stays the one in the first.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTitlesTests(CollaborationFactory factory)
{
    private const string Add = "mutation($id: ID!, $v: Int!, $s: WorkingSessionInput!) { addWorkingSession(id: $id, expectedVersion: $v, session: $s) { meeting { version sessions { id title titles { language text } } } } }";

    [Fact]
    public async Task A_session_has_a_title_per_working_language_and_title_is_the_first_languages()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var id = meeting["id"]!.GetValue<string>();

        var added = (await world.Administrator.GraphQLAsync(Add, new
        {
            id, v = meeting["version"]!.GetValue<int>(),
            s = new
            {
                titles = new[] { new { language = "fr", text = "Retour et réintégration" }, new { language = "en", text = "Return and reintegration" }, new { language = "ar", text = "العودة وإعادة الإدماج" } },
                startsLocal = "2012-05-22T09:30", endsLocal = "2012-05-22T11:00",
            },
        })).EnsureNoErrors().Data("addWorkingSession", "meeting");
        var session = added["sessions"]![0]!;
        var changed = (await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $s: ID!, $v: Int!) { updateWorkingSession(id: $id, sessionId: $s, expectedVersion: $v, session: { title: \"Return, readmission and reintegration\" }) { meeting { sessions { title titles { language text } } } } }",
            new { id, s = session["id"]!.GetValue<string>(), v = added["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateWorkingSession", "meeting", "sessions")[0]!;

        // The meeting's languages are ar, en, fr: the first is Arabic.
        Assert.Equal("العودة وإعادة الإدماج", session["title"]!.GetValue<string>());
        Assert.Equal(3, session["titles"]!.AsArray().Count);
        Assert.Equal("Return, readmission and reintegration", changed["title"]!.GetValue<string>());
        Assert.Equal(
            ["ar:Return, readmission and reintegration", "en:Return and reintegration", "fr:Retour et réintégration"],
            changed["titles"]!.AsArray().Select(t => $"{t!["language"]}:{t["text"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_session_title_alone_is_the_title_in_the_first_language_and_the_agenda_mail_prints_it()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var id = meeting["id"]!.GetValue<string>();
        var added = (await world.Administrator.GraphQLAsync(Add, new { id, v = meeting["version"]!.GetValue<int>(), s = new { title = "Opening", startsLocal = "2012-05-22T09:30", endsLocal = "2012-05-22T10:00" } }))
            .EnsureNoErrors().Data("addWorkingSession", "meeting", "sessions")[0]!;
        var none = await world.Administrator.GraphQLAsync(Add, new { id, v = meeting["version"]!.GetValue<int>() + 1, s = new { titles = Array.Empty<object>(), startsLocal = "2012-05-22T10:30", endsLocal = "2012-05-22T11:00" } });

        Assert.Equal("Opening", added["title"]!.GetValue<string>());
        Assert.Equal([("ar", "Opening")], added["titles"]!.AsArray().Select(t => (t!["language"]!.GetValue<string>(), t["text"]!.GetValue<string>())));
        Assert.Equal(("VALIDATION", "titles", "NO_TITLE"), PartialUpdateTests.Problem(none.Errors.Single()!));
    }
}
