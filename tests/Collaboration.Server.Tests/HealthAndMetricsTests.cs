using Collaboration.Server.Demo;

namespace Collaboration.Server.Tests;

[Collection(ApiCollection.Name)]
public sealed class HealthAndMetricsTests(CollaborationFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_health_endpoints_answer_healthy(string path)
    {
        using var response = await factory.Anonymous().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in?token=x")]
    [InlineData("/graphql?query={setupRequired}")]
    public async Task Every_answer_carries_the_security_headers_and_a_strict_content_security_policy(string path)
    {
        using var response = await factory.Anonymous().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_cover_HTTP_requests_and_grain_calls()
    {
        // Another server in the same process (as the tests run them) starts, answers and stops first: its
        // instruments must not be counted as this server's, nor take this server's with them when it stops.
        var other = new CollaborationFactory();
        await other.InitializeAsync();
        (await other.Administrator().GraphQLAsync("{ viewer { isAdministrator } }")).EnsureNoErrors();
        await other.DisposeAsync();

        (await factory.Administrator().GraphQLAsync("{ viewer { isAdministrator } }")).EnsureNoErrors();

        // A request's duration is recorded once its response has been sent, and the exporter answers a scrape
        // from a cache for a moment (another test may just have scraped): read until the request shows, or 15 s.
        var metrics = "";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            metrics = await factory.Anonymous().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
            if (metrics.Contains("http_server_request_duration_seconds", StringComparison.Ordinal)
                && metrics.Contains("grain=\"Collaboration.People.IPersonGrain\"", StringComparison.Ordinal))
                break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("collaboration_grain_call_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("grain=\"Collaboration.People.IPersonGrain\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_data_holds_the_MTM_directory_from_the_source_documents()
    {
        var demo = DemoDirectory.Read();

        Assert.Equal("mtm", demo.Key);
        Assert.Equal(["ar", "en", "fr"], demo.Settings.WorkingLanguages);
        Assert.Equal(27, demo.PartnerStates.Count(s => s.YearJoined == 2002));
        Assert.Equal(46, demo.PartnerStates.Count);
        Assert.Contains(demo.PartnerStates, s => s is { Code: "KE", YearJoined: 2011, RegionalGroup: "African" });
        Assert.Equal(
            ["europol", "frontex", "ifad", "interpol", "iom", "uclg", "un-habitat", "unhcr", "unodc"],
            demo.PartnerAgencies.Select(a => a.Key).Order());
        Assert.Contains(demo.Observers, o => o is { Key: "las", YearJoined: 2002 });
        Assert.Equal(demo.PartnerStates.Count, demo.PartnerStates.Select(s => s.Code).Distinct().Count());
    }

    [Fact]
    public void The_second_demo_dialogue_is_the_Rabat_Process_with_Moroccos_focal_point_of_the_MTM()
    {
        var rabat = DemoDirectory.Read("rabat");
        var mtm = DemoDirectory.Read();

        Assert.Equal("rabat", rabat.Key);
        Assert.Contains("Rabat Process", rabat.Settings.Name, StringComparison.Ordinal);
        Assert.Equal(["en", "fr"], rabat.Settings.WorkingLanguages);
        Assert.Equal(rabat.PartnerStates.Count, rabat.PartnerStates.Select(s => s.Code).Distinct().Count());
        Assert.All(rabat.PartnerStates, s => Assert.Contains(s.RegionalGroup, rabat.Settings.RegionalGroups));
        Assert.Contains(rabat.PartnerAgencies, a => a.Key == "fiiapp");
        var focalPoint = Assert.Single(rabat.People, p => p.Email == "focal.point.ma@demo.collaboration.localhost");
        Assert.Contains(mtm.People, p => p.Email == focalPoint.Email && p.Membership.PartnerStateCode == "MA");
        Assert.Equal(DemoDirectory.Dialogues, ["mtm", "rabat"]);
    }
}
