using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>The server with tight limits, to see them hold: a person over the limit is slowed, nobody else is.</summary>
public sealed class RateLimitedFactory : CollaborationFactory
{
    protected override int RateLimitPerMinute => 8;
}

/// <summary>The server with a tight limit on sign-in links per client and no other limit.</summary>
public sealed class SignInLimitedFactory : CollaborationFactory
{
    protected override int SignInLinksPerClientPerHour => 3;
}

public sealed class SignInLimitTests(SignInLimitedFactory factory) : IClassFixture<SignInLimitedFactory>
{
    [Fact]
    public async Task One_client_cannot_have_sign_in_links_mailed_to_many_addresses()
    {
        var client = factory.Anonymous();
        var codes = new List<string?>();
        for (var i = 0; i < 5; i++)
            codes.Add((await client.GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = $"someone{i}@example.org" })).Code);

        Assert.Equal([null, null, null, "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"], codes);
    }
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task A_person_over_the_GraphQL_limit_gets_429_with_a_code_and_others_go_on()
    {
        var admin = factory.Administrator();
        GraphQLResponse? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await admin.GraphQLAsync("{ viewer { isAdministrator } }");
            if (response.Status == HttpStatusCode.TooManyRequests)
                refused = response;
        }

        Assert.NotNull(refused);
        Assert.Equal("TOO_MANY_REQUESTS", refused.Code);
        using var raw = await admin.PostAsync("/graphql", new StringContent("{\"query\":\"{ setupRequired }\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.True(raw.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Someone else is not slowed by it.
        var other = await factory.Anonymous().GraphQLAsync("{ setupRequired }");
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task A_person_over_the_hub_limit_is_refused_per_call_and_keeps_the_connection()
    {
        await using var hub = await HubClient.ConnectAsync(factory, factory.AdministratorToken);
        HubException? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            try
            {
                await hub.Connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), "mtm/none", TestContext.Current.CancellationToken);
            }
            catch (HubException e) when (e.Message.Contains("TOO_MANY_REQUESTS", StringComparison.Ordinal))
            {
                refused = e;
            }
            catch (HubException)
            {
                // Refused for another reason (no such meeting joined): still counted.
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }
}
