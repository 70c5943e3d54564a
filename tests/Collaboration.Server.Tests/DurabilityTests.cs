using Collaboration.Notes;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>
/// Nothing acknowledged is lost (DESIGN.md invariant 3): the real server, killed with SIGKILL right after it
/// acknowledged a change, has the change after it starts again.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_acknowledged_change_survives_SIGKILL_and_restart()
    {
        string token;
        await using (var first = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo"))
        {
            var link = first.SetupLink ?? throw new InvalidOperationException("No setup link was printed:\n" + first.Output);
            // Printed once for the operator, never through logging.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(first.Output, CollaborationFactory.TokenOf(link)));
            var browser = first.CreateClient();
            (await browser.GraphQLAsync(
                "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Ada\", email: \"ada@example.org\" }) { person { id } } }",
                new { t = CollaborationFactory.TokenOf(link) })).EnsureNoErrors();
            token = (await browser.GraphQLAsync("mutation { createAccessToken(name: \"durability\") { token } }")).EnsureNoErrors()
                .Data("createAccessToken", "token").GetValue<string>();

            var added = await first.CreateClient(token).GraphQLAsync(
                "mutation { addPartnerState(key: \"mtm\", partnerState: { code: \"JO\", name: \"Jordan\", yearJoined: 2026, regionalGroup: \"Arab\" }) { version } }");
            added.EnsureNoErrors();

            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo");
        var read = await second.CreateClient(token).GraphQLAsync("{ dialogue(key: \"mtm\") { partnerStates { code name } partnerAgencies { key } members { personId } } setupRequired }");

        read.EnsureNoErrors();
        var states = read.Data("dialogue", "partnerStates").AsArray();
        Assert.Contains(states, s => s!["code"]!.GetValue<string>() == "JO" && s["name"]!.GetValue<string>() == "Jordan");
        Assert.Equal(47, states.Count);
        Assert.Equal(9, read.Data("dialogue", "partnerAgencies").AsArray().Count);
        // The demo's people, once each: the restart loaded nothing twice.
        Assert.Equal(Demo.DemoDirectory.Read().People.Count, read.Data("dialogue", "members").AsArray().Count);
        Assert.False(read.Data("setupRequired").GetValue<bool>());

        // The second demo dialogue, loaded once too; Morocco's focal point is one person in both.
        var rabat = await second.CreateClient(token).GraphQLAsync(
            "{ dialogues { key } rabat: dialogue(key: \"rabat\") { partnerStates { code } members { personId email } } mtm: dialogue(key: \"mtm\") { members { personId email } } }");
        rabat.EnsureNoErrors();
        Assert.Equal(["mtm", "rabat"], rabat.Data("dialogues").AsArray().Select(d => d!["key"]!.GetValue<string>()).Order());
        var demoRabat = Demo.DemoDirectory.Read("rabat");
        Assert.Equal(demoRabat.PartnerStates.Count, rabat.Data("rabat", "partnerStates").AsArray().Count);
        Assert.Equal(demoRabat.People.Count, rabat.Data("rabat", "members").AsArray().Count);
        string FocalPointIn(string alias) => rabat.Data(alias, "members").AsArray()
            .Single(m => m!["email"]!.GetValue<string>() == "focal.point.ma@demo.collaboration.localhost")!["personId"]!.GetValue<string>();
        Assert.Equal(FocalPointIn("mtm"), FocalPointIn("rabat"));
        Assert.Null(second.SetupLink);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "collaboration.db")));
    }

    [Fact]
    public async Task Acknowledged_note_entries_of_concurrent_writers_survive_SIGKILL_in_order_and_a_retry_after_restart_does_not_double()
    {
        // Three meetings take notes at once, so their appends wait for the one SQLite writer together and are
        // committed in shared transactions (group commit); the server is killed while appends are in flight.
        const int Meetings = 3;
        string token;
        var meetings = new List<(string Id, string Session)>();
        var acknowledged = new (int Seq, Guid ClientId)[Meetings];
        await using (var first = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo"))
        {
            var browser = first.CreateClient();
            var me = (await browser.GraphQLAsync(
                "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Ada\", email: \"ada@example.org\" }) { person { id } } }",
                new { t = CollaborationFactory.TokenOf(first.SetupLink!) })).EnsureNoErrors().Data("completeSetup", "person", "id").GetValue<string>();
            token = (await browser.GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
            var admin = first.CreateClient(token);
            (await admin.GraphQLAsync("mutation { addMember(key: \"mtm\", person: { name: \"Ada\", email: \"ada@example.org\" }, membership: { roles: [SECRETARIAT] }) { version } }")).EnsureNoErrors();
            for (var m = 0; m < Meetings; m++)
                meetings.Add(await ScheduleMeetingWithRapporteurAsync(admin, me));

            var writers = await Task.WhenAll(meetings.Select(_ => ServerHub.ConnectAsync(first, token)));
            var tenEach = new CountdownEvent(Meetings);
            var appending = meetings.Select((meeting, m) => Task.Run(async () =>
            {
                for (var i = 1; i <= 200; i++)
                {
                    var clientId = Guid.NewGuid();
                    try
                    {
                        var written = await writers[m].InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), meeting.Id, clientId, meeting.Session, $"Entry {i}", false, TestContext.Current.CancellationToken);
                        Assert.Equal(i, written.Entry!.Seq);
                        acknowledged[m] = (i, clientId);
                    }
                    catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                    {
                        return; // the server is gone: this append was never acknowledged
                    }
                    if (i == 10)
                        tenEach.Signal();
                }
            }, TestContext.Current.CancellationToken)).ToList();
            tenEach.Wait(TestContext.Current.CancellationToken);
            await first.KillAsync();
            await Task.WhenAll(appending);
            foreach (var writer in writers)
                await writer.DisposeAsync();
        }

        await using var second = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo");
        await using var again = await ServerHub.ConnectAsync(second, token);
        for (var m = 0; m < Meetings; m++)
        {
            var (id, session) = meetings[m];
            var joined = await again.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), id, 0L, TestContext.Current.CancellationToken);
            // Every acknowledged entry is there, in order; at most the one in flight at the kill follows them.
            var kept = joined.Entries.Count;
            TestContext.Current.TestOutputHelper?.WriteLine($"Meeting {m + 1}: {acknowledged[m].Seq} acknowledged before the kill, {kept} kept");
            Assert.InRange(kept, acknowledged[m].Seq, acknowledged[m].Seq + 1);
            Assert.Equal(Enumerable.Range(1, kept).Select(i => $"Entry {i}"), joined.Entries.Select(e => e.Text));
            Assert.Equal(Enumerable.Range(1, kept).Select(i => (long)i), joined.Entries.Select(e => e.Seq));

            var retried = await again.InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), id, acknowledged[m].ClientId, session, $"Entry {acknowledged[m].Seq}", false, TestContext.Current.CancellationToken);
            Assert.Equal(acknowledged[m].Seq, retried.Entry!.Seq);
            var after = await again.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), id, 0L, TestContext.Current.CancellationToken);
            Assert.Equal(kept, after.Entries.Count);
        }
    }

    /// <summary>A scheduled meeting with one working session, whose rapporteur (the caller) takes notes.</summary>
    private static async Task<(string Id, string Session)> ScheduleMeetingWithRapporteurAsync(HttpClient admin, string me)
    {
        var meeting = (await admin.GraphQLAsync(
            "mutation($d: MeetingDetailsInput!) { createMeeting(key: \"mtm\", details: $d) { meeting { id version } } }",
            new { d = MeetingWorld.Details() })).EnsureNoErrors().Data("createMeeting", "meeting");
        var meetingId = meeting["id"]!.GetValue<string>();
        var session = (await admin.GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { addWorkingSession(id: $id, expectedVersion: $v, session: { title: \"Opening\", startsLocal: \"2012-05-22T09:00\", endsLocal: \"2012-05-22T12:00\" }) { meeting { version sessions { id } } } }",
            new { id = meetingId, v = meeting["version"]!.GetValue<int>() })).EnsureNoErrors().Data("addWorkingSession", "meeting");
        (await admin.GraphQLAsync(
            "mutation($id: ID!, $v: Int!, $me: ID!) { setMeetingChairs(id: $id, expectedVersion: $v, coChairIds: [], rapporteurIds: [$me]) { meeting { id } } }",
            new { id = meetingId, v = session["version"]!.GetValue<int>(), me })).EnsureNoErrors();
        (await admin.GraphQLAsync("mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", new { id = meetingId })).EnsureNoErrors();
        return (meetingId, session["sessions"]![0]!["id"]!.GetValue<string>());
    }
}
