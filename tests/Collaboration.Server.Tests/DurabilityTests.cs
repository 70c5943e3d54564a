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
        await using (var first = await ServerProcess.StartAsync(_folder.Path, "--demo"))
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

        await using var second = await ServerProcess.StartAsync(_folder.Path, "--demo");
        var read = await second.CreateClient(token).GraphQLAsync("{ dialogue(key: \"mtm\") { partnerStates { code name } partnerAgencies { key } members { personId } } setupRequired }");

        read.EnsureNoErrors();
        var states = read.Data("dialogue", "partnerStates").AsArray();
        Assert.Contains(states, s => s!["code"]!.GetValue<string>() == "JO" && s["name"]!.GetValue<string>() == "Jordan");
        Assert.Equal(47, states.Count);
        Assert.Equal(9, read.Data("dialogue", "partnerAgencies").AsArray().Count);
        Assert.Equal(7, read.Data("dialogue", "members").AsArray().Count);
        Assert.False(read.Data("setupRequired").GetValue<bool>());
        Assert.Null(second.SetupLink);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "collaboration.db")));
    }
}
