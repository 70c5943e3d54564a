using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Server.Tests;

/// <summary>The server configured as an operator would to see everything: every category, and the capturing provider, at Trace; everything kept.</summary>
public sealed class TraceLoggingFactory : CollaborationFactory
{
    protected override int LogCapacity => 5_000_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var category in (string[])["Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Orleans", "Polly", "Collaboration",
            "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.Matching.DfaMatcher", "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"])
        {
            builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
        }
        builder.UseSetting($"Logging:{typeof(CapturedLogs).FullName}:LogLevel:Default", "Trace");
    }
}

[CollectionDefinition(Name)]
public sealed class TraceLoggingCollection : ICollectionFixture<TraceLoggingFactory>
{
    public const string Name = "trace-logging";
}

/// <summary>
/// Secrets stay out of the logs at every level: an operator who turns every category up to Trace still
/// finds no setup, sign-in, answer or feed token, no access token or bearer attempt, and no note text.
/// </summary>
[Collection(TraceLoggingCollection.Name)]
public sealed partial class LogAuditTests(TraceLoggingFactory factory)
{
    [Fact]
    public async Task No_token_link_or_note_text_reaches_the_logs_even_at_trace()
    {
        Assert.Contains(factory.Logs.Messages, m => m.StartsWith("Trace ", StringComparison.Ordinal));
        var secrets = new List<string> { CollaborationFactory.TokenOf(factory.SetupLinks.Latest!), factory.AdministratorToken };

        // People sign in by mailed links, are invited (mail with signed answer links), subscribe a feed.
        var world = await MeetingWorld.CreateAsync(factory);
        var (id, sessions) = await world.ChairedMeetingAsync([("Readmission", "2012-05-22T09:30", "2012-05-22T11:00")], ["it1", "ma1"], [], ["EG"], ["eg1"], open: true);
        var session = sessions[0];
        var delegate_ = await world.AsAsync("eg1");
        var feed = (await delegate_.GraphQLAsync("mutation { createCalendarFeed }")).EnsureNoErrors().Data("createCalendarFeed").GetValue<string>();
        secrets.Add(feed[(feed.LastIndexOf('/') + 1)..].Split('.')[0]);
        using (var subscription = factory.Anonymous())
            (await subscription.GetAsync(new Uri(feed).PathAndQuery, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        // A co-chair takes notes over the hub with an access token; a delegate follows.
        const string NoteText = "Delegation position on readmission quotas remains confidential";
        var writerToken = (await (await world.AsAsync("it1")).GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
        var viewerToken = (await delegate_.GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
        secrets.AddRange([writerToken, viewerToken]);
        await using (var writer = await HubClient.ConnectAsync(factory, writerToken))
        await using (var viewer = await HubClient.ConnectAsync(factory, viewerToken))
        {
            await writer.JoinAsync(id);
            await viewer.JoinAsync(id);
            var appended = await writer.AppendAsync(id, session, NoteText);
            await writer.EditAsync(id, appended.Entry!.Seq, appended.Entry.Version, NoteText + ", as edited");
            await viewer.NextEntriesAsync(1);
        }

        // Someone tries a made-up bearer token and a spent link.
        const string Guess = "guessed-bearer-token-0123456789abcdefghij";
        using (var guesser = factory.WithToken(Guess))
            await guesser.GraphQLAsync("{ viewer { person { id } } }");
        var spent = factory.LatestSignInLink(world.Emails["eg1"])!;
        await factory.Anonymous().GraphQLAsync("mutation($t: String!) { signIn(token: $t) { isAdministrator } }", new { t = CollaborationFactory.TokenOf(spent) });
        secrets.Add(Guess);

        // Every token any mail carried: sign-in links, answer links.
        foreach (var file in Directory.GetFiles(factory.MailFolder, "*.eml"))
        {
            var message = MimeKit.MimeMessage.Load(file);
            secrets.AddRange(LinkToken().Matches((message.TextBody ?? "") + (message.HtmlBody ?? "")).Select(m => m.Groups[1].Value));
        }
        Assert.True(secrets.Count > 15, $"The audit found only {secrets.Count} secrets to look for.");

        var logs = factory.Logs.Messages;
        Assert.True(logs.Count > 1000, $"Only {logs.Count} log messages at Trace.");
        var leaks = logs.Where(m => m.Contains("readmission quotas", StringComparison.OrdinalIgnoreCase) || secrets.Any(s => m.Contains(s, StringComparison.Ordinal)))
            .Select(m => m.Length > 600 ? m[..600] : m).Distinct().Take(10).ToList();
        Assert.True(leaks.Count == 0, "Secrets in the logs:\n" + string.Join("\n", leaks));
    }

    [GeneratedRegex(@"[?&](?:token|t)=([A-Za-z0-9_\-\.]{16,})")]
    private static partial Regex LinkToken();
}
