using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Collaboration.Server.Tests;

/// <summary>
/// OpenID Connect sign-in for staff against a loopback stand-in provider, through the real ASP.NET Core
/// OpenID Connect handler: challenge, code redemption over the back channel, id_token validation, session.
/// </summary>
public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private OpenIdConnectStandIn _provider = null!;
    private WithOpenIdConnect _server = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await OpenIdConnectStandIn.StartAsync();
        _server = new WithOpenIdConnect(_provider.Issuer);
        await _server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private HttpClient Browser() => _server.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string email)
    {
        using var challenge = await browser.GetAsync(OpenIdConnectSignIn.StartPath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Issuer + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(OpenIdConnectStandIn.ClientId, query["client_id"].ToString());
        Assert.Equal("https://localhost/auth/oidc/callback", query["redirect_uri"].ToString());

        var code = _provider.IssueCode(query["nonce"].ToString(), email);
        using var callback = new FormUrlEncodedContent([new("code", code), new("state", query["state"].ToString())]);
        return await browser.PostAsync(OpenIdConnectSignIn.CallbackPath, callback, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Staff_with_an_account_sign_in_through_their_identity_provider()
    {
        var browser = Browser();

        using var response = await SignInThroughProviderAsync(browser, "ada@example.org");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("collaboration.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        var viewer = await browser.GraphQLAsync("{ viewer { person { email } isAdministrator } }");
        Assert.Equal("""{"person":{"email":"ada@example.org"},"isAdministrator":true}""", viewer.Data("viewer").ToJsonString());
    }

    [Fact]
    public async Task An_address_without_an_account_is_refused_and_gets_no_session()
    {
        var browser = Browser();

        using var response = await SignInThroughProviderAsync(browser, "stranger@example.org");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No account uses", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("""{"data":{"viewer":null}}""", (await browser.GraphQLAsync("{ viewer { isAdministrator } }")).Raw);
    }

    [Fact]
    public async Task Without_a_configured_provider_the_start_page_does_not_exist()
    {
        var plain = new CollaborationFactory();
        await plain.InitializeAsync();
        await using (plain)
        {
            using var response = await plain.Anonymous().GetAsync(OpenIdConnectSignIn.StartPath, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private sealed class WithOpenIdConnect(string authority) : CollaborationFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenIdConnect:Authority", authority);
            builder.UseSetting("OpenIdConnect:ClientId", OpenIdConnectStandIn.ClientId);
            builder.UseSetting("OpenIdConnect:ClientSecret", OpenIdConnectStandIn.ClientSecret);
            builder.UseSetting("OpenIdConnect:RequireHttpsMetadata", "false");
        }
    }
}
