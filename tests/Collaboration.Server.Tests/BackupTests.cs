using System.Diagnostics;

namespace Collaboration.Server.Tests;

/// <summary>Backup while the server runs, a change after it, restore, and the backed-up state is what the server finds.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(int Exit, string Output)> CommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[typeof(Program).Assembly.Location, .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_the_state_it_held()
    {
        string token;
        var backup = _folder.Combine("backups", "collaboration-backup.db");
        const string AddState = "mutation($c: String!, $n: String!) { addPartnerState(key: \"mtm\", partnerState: { code: $c, name: $n, yearJoined: 2026, regionalGroup: \"Arab\" }) { version } }";
        await using (var server = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo"))
        {
            var browser = server.CreateClient();
            (await browser.GraphQLAsync(
                "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Ada\", email: \"ada@example.org\" }) { person { id } } }",
                new { t = CollaborationFactory.TokenOf(server.SetupLink!) })).EnsureNoErrors();
            token = (await browser.GraphQLAsync("mutation { createAccessToken(name: \"backup\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
            var admin = server.CreateClient(token);
            (await admin.GraphQLAsync(AddState, new { c = "JO", n = "Jordan" })).EnsureNoErrors();

            var (exit, output) = await CommandAsync("backup", "--to", backup);
            Assert.True(exit == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);

            (await admin.GraphQLAsync(AddState, new { c = "NZ", n = "New Zealand" })).EnsureNoErrors();
            await server.KillAsync();
        }

        var (restored, restoreOutput) = await CommandAsync("restore", "--from", backup);
        Assert.True(restored == 0, restoreOutput);
        var (missing, missingOutput) = await CommandAsync("restore", "--from", _folder.Combine("no-such-backup.db"));
        Assert.Equal(3, missing);
        Assert.Contains("no backup", missingOutput, StringComparison.Ordinal);

        await using var again = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, _folder.Path, "--demo");
        var states = (await again.CreateClient(token).GraphQLAsync("{ dialogue(key: \"mtm\") { partnerStates { code } } }"))
            .EnsureNoErrors().Data("dialogue", "partnerStates").AsArray().Select(s => s!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("JO", states);
        Assert.DoesNotContain("NZ", states);
    }

    [Fact]
    public async Task A_backup_with_a_storage_provider_of_the_wrong_kind_says_which_setting_and_stops()
    {
        var (exit, output) = await CommandAsync("backup", "--to", _folder.Combine("backup.db"), "--Storage:Provider", "Mongo");

        Assert.Equal(2, exit);
        Assert.StartsWith("Collaboration cannot backup: ", output, StringComparison.Ordinal);
        Assert.Contains("'Storage:Provider'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Combine("backup.db")));
    }
}
