using System.Net.Http.Json;

namespace Collaboration.Server.Tests;

/// <summary>Setup link, sign-in links, sessions and access tokens, through GraphQL and the link pages.</summary>
[Collection(ApiCollection.Name)]
public sealed class SignInTests(CollaborationFactory factory)
{
    private async Task<string> NewMemberAsync(string language = "en")
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var key = "s" + Guid.NewGuid().ToString("N")[..10];
        var admin = factory.Administrator();
        (await admin.GraphQLAsync(
            "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Sign-in\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }) { key } }",
            new { k = key })).EnsureNoErrors();
        (await admin.GraphQLAsync(
            "mutation($k: String!, $e: String!, $l: String) { addMember(key: $k, person: { name: \"Mem Ber\", email: $e, preferredLanguage: $l }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = key, e = email, l = language })).EnsureNoErrors();
        return email;
    }

    [Fact]
    public async Task The_setup_link_works_once_and_setup_is_then_closed()
    {
        var response = await factory.Anonymous().GraphQLAsync(
            "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Eve\", email: \"eve@example.org\" }) { person { id } } }",
            new { t = CollaborationFactory.TokenOf(factory.SetupLinks.Latest!) });

        Assert.Equal("UNAUTHENTICATED", response.Code);
        Assert.False((await factory.Anonymous().GraphQLAsync("{ setupRequired }")).Data("setupRequired").GetValue<bool>());
    }

    [Fact]
    public async Task A_mailed_link_signs_in_once_with_an_HttpOnly_session_cookie()
    {
        var email = await NewMemberAsync();
        var client = factory.Anonymous();
        Assert.True((await client.GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email })).Data("requestSignInLink").GetValue<bool>());
        var token = CollaborationFactory.TokenOf(await factory.WaitForSignInLinkAsync(email));

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "mutation($t: String!) { signIn(token: $t) { person { email } } }", variables = new { t = token } }, TestContext.Current.CancellationToken);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("collaboration.session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(email, (await GraphQLClient.ReadAsync(response)).Data("signIn", "person", "email").GetValue<string>());

        var again = await factory.Anonymous().GraphQLAsync("mutation($t: String!) { signIn(token: $t) { person { id } } }", new { t = token });
        Assert.Equal("UNAUTHENTICATED", again.Code);
    }

    [Fact]
    public async Task A_session_cookie_identifies_the_caller_until_sign_out()
    {
        var email = await NewMemberAsync();
        var client = await factory.SignInAsync(email);

        Assert.Equal(email, (await client.GraphQLAsync("{ viewer { person { email } } }")).Data("viewer", "person", "email").GetValue<string>());
        Assert.True((await client.GraphQLAsync("mutation { signOut }")).Data("signOut").GetValue<bool>());
        Assert.Equal("UNAUTHENTICATED", (await client.GraphQLAsync("{ dialogues { key } }")).Code);
    }

    [Fact]
    public async Task A_link_expires_after_fifteen_minutes()
    {
        var email = await NewMemberAsync();
        await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });
        var token = CollaborationFactory.TokenOf(await factory.WaitForSignInLinkAsync(email));

        factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        var response = await factory.Anonymous().GraphQLAsync("mutation($t: String!) { signIn(token: $t) { person { id } } }", new { t = token });
        Assert.Equal("UNAUTHENTICATED", response.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_token_does_not_sign_in(string token)
    {
        var response = await factory.Anonymous().GraphQLAsync("mutation($t: String!) { signIn(token: $t) { person { id } } }", new { t = token });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Code);
    }

    [Fact]
    public async Task Asking_for_a_link_for_an_unknown_address_answers_the_same_and_mails_nothing()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.org";

        var response = await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });

        Assert.True(response.Data("requestSignInLink").GetValue<bool>());
        await factory.WaitForOutboxToDrainAsync(email);
        Assert.Null(factory.LatestSignInLink(email));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    [InlineData("two@@example.org")]
    [InlineData("")]
    public async Task A_malformed_address_is_a_validation_error(string email)
    {
        var response = await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });

        Assert.Equal("VALIDATION", response.Code);
    }

    [Fact]
    public async Task The_sign_in_mail_speaks_the_person_s_language()
    {
        var email = await NewMemberAsync("ar");
        await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });
        await factory.WaitForSignInLinkAsync(email);

        var file = factory.MailTo(email).First();
        Assert.Equal("رابط تسجيل الدخول", file.Subject);
        Assert.Contains("dir=\"rtl\"", file.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/sign-in?token=", file.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_link_page_does_not_spend_the_link_and_its_form_does()
    {
        var email = await NewMemberAsync();
        await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });
        var link = await factory.WaitForSignInLinkAsync(email);
        var browser = factory.Anonymous();

        var page = await browser.GetStringAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Contains("action=\"/auth/sign-in\"", page, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent([new("token", CollaborationFactory.TokenOf(link))]);
        using var posted = await browser.PostAsync("/auth/sign-in", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("collaboration.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_post_from_another_site_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in")
        {
            Content = new FormUrlEncodedContent([new("token", "x")]),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await factory.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_access_token_works_as_a_bearer_until_revoked_and_is_never_listed_by_value()
    {
        var owner = await factory.SignInAsync(await NewMemberAsync());
        var created = await owner.GraphQLAsync("mutation { createAccessToken(name: \"nightly export\", expiresInDays: 7) { token accessToken { id name } } }");
        var token = created.Data("createAccessToken", "token").GetValue<string>();
        var id = created.Data("createAccessToken", "accessToken", "id").GetValue<string>();
        Assert.StartsWith("clb_", token, StringComparison.Ordinal);

        var bearer = factory.WithToken(token);
        var listed = await bearer.GraphQLAsync("{ viewer { accessTokens { id name } } }");
        Assert.Equal(id, listed.Data("viewer", "accessTokens")[0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(token, listed.Raw, StringComparison.Ordinal);

        (await owner.GraphQLAsync("mutation($id: ID!) { revokeAccessToken(id: $id) }", new { id })).EnsureNoErrors();
        Assert.Equal("UNAUTHENTICATED", (await bearer.GraphQLAsync("{ dialogues { key } }")).Code);
    }

    [Fact]
    public async Task Access_tokens_need_a_signed_in_caller_and_a_sane_lifetime()
    {
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync("mutation { createAccessToken(name: \"x\") { token } }")).Code);
        Assert.Equal("VALIDATION", (await factory.Administrator().GraphQLAsync("mutation { createAccessToken(name: \"x\", expiresInDays: 0) { token } }")).Code);
        Assert.Equal("VALIDATION", (await factory.Administrator().GraphQLAsync("mutation { createAccessToken(name: \"  \") { token } }")).Code);
        Assert.Equal("NOT_FOUND", (await factory.Administrator().GraphQLAsync("mutation { revokeAccessToken(id: \"nope\") }")).Code);
    }

    [Fact]
    public async Task A_malformed_bearer_token_is_anonymous_not_an_error()
    {
        var response = await factory.WithToken("not-a-token").GraphQLAsync("{ viewer { isAdministrator } setupRequired }");

        Assert.Equal("""{"data":{"viewer":null,"setupRequired":false}}""", response.Raw);
    }
}
