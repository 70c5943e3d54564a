using System.Net.Http.Json;

namespace Collaboration.Server.Tests;

/// <summary>
/// Behind a reverse proxy the per-client limits count the client the proxy names, and only a trusted proxy
/// may name one: against the real server process (Kestrel sees the loopback address of the caller).
/// </summary>
public sealed class ReverseProxyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<string?> RequestLinkAsync(ServerProcess server, string forwardedFor)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation { requestSignInLink(email: \"nobody@example.org\") }" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await GraphQLClient.ReadAsync(response)).Code;
    }

    [Fact]
    public async Task A_trusted_proxy_s_forwarded_address_is_the_client_and_an_untrusted_caller_cannot_pick_one()
    {
        await using (var behindProxy = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, Directory.CreateDirectory(_folder.Combine("proxied")).FullName,
            "--Network:TrustedProxies:0", "127.0.0.1", "--RateLimits:SignInLinksPerClientPerHour", "2"))
        {
            Assert.Null(await RequestLinkAsync(behindProxy, "203.0.113.5"));
            Assert.Null(await RequestLinkAsync(behindProxy, "203.0.113.5"));
            Assert.Equal("TOO_MANY_REQUESTS", await RequestLinkAsync(behindProxy, "203.0.113.5"));
            Assert.Null(await RequestLinkAsync(behindProxy, "198.51.100.7"));
        }

        // Without a trusted proxy the header is ignored: every request is the loopback caller's.
        await using var direct = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, Directory.CreateDirectory(_folder.Combine("direct")).FullName,
            "--RateLimits:SignInLinksPerClientPerHour", "2");
        Assert.Null(await RequestLinkAsync(direct, "203.0.113.5"));
        Assert.Null(await RequestLinkAsync(direct, "198.51.100.7"));
        Assert.Equal("TOO_MANY_REQUESTS", await RequestLinkAsync(direct, "192.0.2.9"));
    }
}
