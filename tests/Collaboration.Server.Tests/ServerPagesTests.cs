using System.Net;

namespace Collaboration.Server.Tests;

/// <summary>
/// The pages the server renders itself (setup, the sign-in link's page, the account page) speak the language
/// the link or the browser asks for, lay out right to left in Arabic, and HTML-encode what the request carries.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServerPagesTests(CollaborationFactory factory)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        // page, language, a phrase only that language's page has
        { "/sign-in", "en", "Press the button to sign in to Collaboration." },
        { "/sign-in", "fr", "Appuyez sur le bouton pour vous connecter à Collaboration." },
        { "/sign-in", "ar", "اضغطوا على الزر لتسجيل الدخول إلى منصة التعاون." },
        { "/setup", "en", "Create the first secretariat administrator." },
        { "/setup", "fr", "Créez le premier compte administrateur du secrétariat." },
        { "/setup", "ar", "أنشئوا حساب أول مسؤول في الأمانة" },
    };

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await factory.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static void AssertLanguage(string html, string language, string phrase)
    {
        Assert.Contains($"<html lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">", html, StringComparison.Ordinal);
        Assert.Contains(phrase, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("width=device-width", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_speaks_the_language_of_the_link_and_of_the_browser(string page, string language, string phrase)
    {
        var (status, byLink) = await GetAsync($"{page}?token=abc&lang={language}", acceptLanguage: language == "fr" ? "ar" : "fr");
        Assert.Equal(HttpStatusCode.OK, status);
        AssertLanguage(byLink, language, phrase);
        // The other languages are one link away, for the same page and the same token.
        foreach (var other in ((string[])["ar", "en", "fr"]).Where(l => l != language))
            Assert.Contains($"href=\"{page}?token=abc&amp;lang={other}\"", byLink, StringComparison.Ordinal);

        var (_, byBrowser) = await GetAsync($"{page}?token=abc", acceptLanguage: $"de-DE, {language}-XX;q=0.8, en;q=0.5");
        AssertLanguage(byBrowser, language, phrase);
        // A language the app does not speak falls back to the browser's next one, then to English.
        var (_, unknown) = await GetAsync($"{page}?token=abc&lang=de", acceptLanguage: language);
        AssertLanguage(unknown, language, phrase);
    }

    [Fact]
    public async Task Without_any_language_the_pages_are_in_English_and_Arabic_lays_out_right_to_left()
    {
        var (_, english) = await GetAsync("/setup");
        AssertLanguage(english, "en", "Preferred language");
        Assert.Contains("<option value=\"en\" lang=\"en\" selected>", english, StringComparison.Ordinal);
        var (_, arabic) = await GetAsync("/setup", acceptLanguage: "ar-MA");
        AssertLanguage(arabic, "ar", "اللغة المفضلة");
        Assert.Contains("<option value=\"ar\" lang=\"ar\" selected>", arabic, StringComparison.Ordinal);
        // The form carries the page's language to its answer.
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"ar\">", arabic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/setup")]
    public async Task What_the_link_carries_is_HTML_encoded(string page)
    {
        const string Hostile = "\"><script>alert(1)</script>";
        var (_, html) = await GetAsync($"{page}?token={Uri.EscapeDataString(Hostile)}&lang=fr");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<form").Length - 1);
    }

    [Fact]
    public async Task A_refused_link_is_explained_in_the_form_s_language()
    {
        foreach (var (language, phrase) in new[]
        {
            ("en", "This sign-in link no longer works"),
            ("fr", "Ce lien de connexion n'est plus valable"),
            ("ar", "لم يعد رابط الدخول هذا صالحًا"),
        })
        {
            using var form = new FormUrlEncodedContent([new("token", "not-a-token"), new("lang", language)]);
            using var posted = await factory.Anonymous().PostAsync("/auth/sign-in", form, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            AssertLanguage(await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), language, phrase);
        }
    }

    [Fact]
    public async Task The_account_page_greets_in_the_person_s_language_and_encodes_their_name()
    {
        var (status, anonymous) = await GetAsync("/account", acceptLanguage: "fr");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        AssertLanguage(anonymous, "fr", "Vous n'êtes pas connecté(e).");

        var email = $"page-{Guid.NewGuid():N}@example.org";
        var key = "p" + Guid.NewGuid().ToString("N")[..10];
        var admin = factory.Administrator();
        (await admin.GraphQLAsync(
            "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Pages\", workingLanguages: [\"ar\"], regionalGroups: [\"European\"] }) { key } }",
            new { k = key })).EnsureNoErrors();
        (await admin.GraphQLAsync(
            "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Nour <b>&amp;</b>\", email: $e, preferredLanguage: \"ar\" }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = key, e = email })).EnsureNoErrors();
        var client = await factory.SignInAsync(email);
        var page = await client.GetStringAsync("/account", TestContext.Current.CancellationToken);
        AssertLanguage(page, "ar", "تم تسجيل الدخول باسم");
        Assert.Contains("Nour &lt;b&gt;&amp;amp;&lt;/b&gt;", page, StringComparison.Ordinal);
    }
}
