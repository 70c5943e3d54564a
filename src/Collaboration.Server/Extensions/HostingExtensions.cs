using System.Net;
using Collaboration.Integrations.Documents;
using Collaboration.Integrations.Email;
using Collaboration.Integrations.MicrosoftGraph;
using Collaboration.Mail;
using Collaboration.Persistence;
using Collaboration.Server.Auth;
using Collaboration.Server.Demo;
using Collaboration.Server.GraphQL;
using Collaboration.Server.Health;
using Collaboration.Server.Hubs;
using Collaboration.Server.Telemetry;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Collaboration.Server.Extensions;

/// <summary>The server's parts, one extension method each, in the order Program.cs reads them.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// Binds the server's own settings sections, each checked at start (see <see cref="Settings"/>), and serves
    /// on http://localhost:5080 unless told otherwise. The other sections are bound where they are used.
    /// </summary>
    public static WebApplicationBuilder AddCollaborationSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<CollaborationOptions>(CollaborationOptions.Section)
            .ValidateUrl(o => o.PublicBaseUrl, "Collaboration:PublicBaseUrl", "links in mail start with it.", "http", "https");
        builder.Services.AddSettings<SignInOptions>(SignInOptions.Section)
            .ValidatePositive(o => o.LinkLifetime, "SignIn:LinkLifetime", "how long a sign-in link lasts")
            .ValidatePositive(o => o.SessionLifetime, "SignIn:SessionLifetime", "how long a session lasts");
        builder.Services.AddSettings<PickupFolderOptions>("Mail")
            .ValidateRequired(o => o.Directory, "Mail:Directory", "mail is written there while no SMTP server is set")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.FromAddress, out var address) && address.Address.Contains('@', StringComparison.Ordinal),
                "Mail:FromAddress must be an email address, such as secretariat@example.org: every message is sent from it.");
        builder.Services.AddSettings<DocumentStoreOptions>("Documents")
            .ValidateRequired(o => o.Directory, "Documents:Directory", "uploaded documents are kept there");
        builder.Services.TryAddSingletonTimeProvider();

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls("http://localhost:5080");
        return builder;
    }

    /// <summary>Runs the Orleans silo inside the web host: localhost clustering, state and reminders in SQLite.</summary>
    public static WebApplicationBuilder AddCollaborationOrleans(this WebApplicationBuilder builder)
    {
        var silo = builder.ReadSettings<SiloOptions>(SiloOptions.Section, o => o
            .ValidatePort(s => s.SiloPort, "Orleans:SiloPort")
            .ValidatePort(s => s.GatewayPort, "Orleans:GatewayPort")
            .ValidateRequired(s => s.ClusterId, "Orleans:ClusterId", "silos of one cluster share it")
            .ValidateRequired(s => s.ServiceId, "Orleans:ServiceId", "grain state is stored under it")
            .ValidateIPAddress(s => s.AdvertisedIPAddress, "Orleans:AdvertisedIPAddress"));
        var storage = builder.ReadSettings<StorageOptions>(StorageOptions.Section, o => o
            .ValidateDefined(s => s.Provider, "Storage:Provider")
            .ValidateRequired(s => s.ConnectionString, "Storage:ConnectionString", "the database grain state and reminders live in"));
        var outbox = builder.ReadSettings<OutboxSettings>(OutboxSettings.Section, o => o
            .ValidatePositive(s => s.RetryPeriod, "Outbox:RetryPeriod", "the first wait before a failed message is retried")
            .ValidatePositive(s => s.GiveUpAfter, "Outbox:GiveUpAfter", "when undelivered mail is given up")
            .Validate(s => s.MaxBackoff >= s.RetryPeriod, "Outbox:MaxBackoff must be at least Outbox:RetryPeriod: the wait doubles from one up to the other."));
        var groups = builder.ReadSettings<WorkingGroups.WorkingGroupSettings>(WorkingGroups.WorkingGroupSettings.Section, o => o
            .ValidatePositive(s => s.ActionItemReminder, "WorkingGroups:ActionItemReminder", "how long before its due date an action item is reminded")
            .ValidatePositive(s => s.ActionItemCheck, "WorkingGroups:ActionItemCheck", "how often groups look for action items to remind"));
        builder.Services.AddSingleton(storage);
        builder.UseOrleans(orleans => orleans
            .UseCollaborationClustering(storage, silo, builder.Configuration)
            .AddCollaborationStorage(storage, StorageNames.Grains)
            .Configure<Orleans.Hosting.ReminderOptions>(o =>
            {
                // The outbox retries and working groups check their action items on reminders; shorter
                // periods (tests) need a shorter minimum.
                foreach (var period in (TimeSpan[])[outbox.RetryPeriod, groups.ActionItemCheck])
                {
                    // A period of zero or less is refused by the settings check, which names it.
                    if (period > TimeSpan.Zero && period < o.MinimumReminderPeriod)
                        o.MinimumReminderPeriod = period;
                }
            })
            .AddIncomingGrainCallFilter<GrainCallMetrics>());
        return builder;
    }

    /// <summary>
    /// One silo on loopback for the embedded profile; with PostgreSQL, a member of the cluster whose silos
    /// find each other in the database (membership timing from <c>Orleans:Membership</c>).
    /// </summary>
    private static ISiloBuilder UseCollaborationClustering(this ISiloBuilder orleans, StorageOptions storage, SiloOptions silo, IConfiguration configuration)
    {
        if (storage.Provider != StorageProvider.PostgreSql)
        {
            return orleans
                .UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, null, silo.ServiceId, silo.ClusterId)
                .Configure<Orleans.Configuration.EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
        }
        orleans.Services.AddOptions<Orleans.Configuration.ClusterMembershipOptions>().Bind(configuration.GetSection("Orleans:Membership"));
        if (configuration.GetValue("Orleans:Kubernetes", false))
        {
            // Orleans' Kubernetes hosting: silo name, address and cluster identity from the pod, and silos of
            // deleted pods declared dead at once (the manifests in deploy/kubernetes give it the rights).
            return orleans
                .UseKubernetesHosting()
                .UseCollaborationClustering(storage);
        }
        return orleans
            .Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            })
            .ConfigureEndpoints(IPAddress.Parse(silo.AdvertisedIPAddress), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true)
            .UseCollaborationClustering(storage);
    }

    /// <summary>Mail goes to the pickup folder until an SMTP server is configured; uploaded documents go to a folder.</summary>
    public static WebApplicationBuilder AddCollaborationIntegrations(this WebApplicationBuilder builder)
    {
        var smtp = builder.ReadSettings<SmtpOptions>(SmtpOptions.Section, o => o
            .ValidatePort(s => s.Port, "Smtp:Port")
            .ValidateDefined(s => s.Security, "Smtp:Security")
            .ValidatePositive(s => s.Timeout, "Smtp:Timeout", "how long one delivery may take"));
        builder.Services.AddSingleton<IMailTransport>(sp => new MailTransport(
            smtp, sp.GetRequiredService<IOptions<PickupFolderOptions>>().Value, sp.GetRequiredService<IOptions<CollaborationOptions>>().Value.PublicBaseUrl));
        builder.Services.AddSettings<Meetings.MeetingSettings>(Meetings.MeetingSettings.Section)
            .Validate(o => o.ReminderOffsets.All(r => r > TimeSpan.Zero), "Meetings:Reminders must each be longer than zero (how long before a meeting its participants are reminded), written like 1.00:00:00.");
        builder.Services.AddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(sp.GetRequiredService<IOptions<DocumentStoreOptions>>().Value));

        // Answers to invitations by mail (iMIP REPLY), when a reply mailbox is set.
        var imap = builder.ReadSettings<ImapOptions>(ImapOptions.Section, o => o
            .ValidatePort(s => s.Port, "Imap:Port")
            .ValidateDefined(s => s.Security, "Imap:Security")
            .ValidateRequired(s => s.Folder, "Imap:Folder", "answers are read from it")
            .ValidatePositive(s => s.PollInterval, "Imap:PollInterval", "how often the mailbox is read"));
        if (imap.Enabled)
        {
            builder.Services.AddSingleton(imap);
            builder.Services.AddSingleton<ImapReplyMailbox>();
            builder.Services.AddHostedService<Invitations.CalendarReplyPoller>();
        }

        // Microsoft Graph, when a secretariat mailbox is set: meetings kept in its calendar through the outbox,
        // free/busy for the scheduling assistant, and a health check that shows a misconfiguration.
        // Missing credentials show in /health (the server runs without Graph); a malformed address stops it.
        var graph = builder.ReadSettings<GraphOptions>(GraphOptions.Section, o => o
            .ValidateUrl(s => s.BaseUrl, "MicrosoftGraph:BaseUrl", "Graph answers there.", "https", "http")
            .ValidateUrl(s => s.AuthorityHost, "MicrosoftGraph:AuthorityHost", "Graph's tokens come from there.", "https"));
        if (graph.Enabled)
        {
            builder.Services.AddSingleton(graph);
            builder.Services.AddSingleton<GraphStatus>();
            builder.Services.AddSingleton(sp => new GraphConnection(graph, sp.GetRequiredService<GraphStatus>(), sp.GetService<Azure.Core.TokenCredential>()));
            builder.Services.AddSingleton<ISecretariatCalendar, GraphSecretariatCalendar>();
            builder.Services.AddSingleton<Meetings.IFreeBusySource, GraphFreeBusySource>();
            builder.Services.PostConfigure<Meetings.MeetingSettings>(o => o.SecretariatCalendar = true);
            builder.Services.AddHealthChecks().AddCheck<GraphHealthCheck>("microsoft-graph", HealthStatus.Degraded);
        }
        return builder;
    }

    /// <summary>Sessions (cookie), access tokens (bearer), sign-in links, setup and optional OpenID Connect.</summary>
    public static WebApplicationBuilder AddCollaborationAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SignInService>();
        builder.Services.AddSingleton<ISetupLinkSink, ConsoleSetupLinkSink>();
        var authentication = builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CollaborationAuthenticationHandler.SchemeName;
                o.DefaultSignInScheme = CollaborationAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, CollaborationAuthenticationHandler>(CollaborationAuthenticationHandler.SchemeName, null);

        var oidc = builder.ReadSettings<OpenIdConnectSettings>(OpenIdConnectSettings.Section, o => o
            .Validate(s => !s.Enabled || (Uri.TryCreate(s.Authority, UriKind.Absolute, out var authority)
                    && (authority.Scheme == "https" || (authority.Scheme == "http" && !s.RequireHttpsMetadata))),
                "OpenIdConnect:Authority must be an absolute https address (http only with OpenIdConnect:RequireHttpsMetadata=false): the identity provider's metadata is read there."));
        if (oidc.Enabled)
            authentication.AddCollaborationOpenIdConnect(oidc);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The GraphQL schema with its limits and error codes.</summary>
    public static WebApplicationBuilder AddCollaborationGraphQL(this WebApplicationBuilder builder)
    {
        var limits = builder.ReadSettings<GraphQLLimits>(GraphQLLimits.Section);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddGraphQL(b => b
            .AddSchema<CollaborationSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(CollaborationSchema).Assembly)
            .AddClrTypeMappings(typeof(CollaborationSchema).Assembly)
            .AddErrorInfoProvider<CollaborationErrorInfoProvider>()
            .ConfigureExecutionOptions(o => o.ThrowOnUnhandledException = false)
            .AddUnhandledExceptionHandler(UnexpectedGraphQLErrors.Log)
            // Size, depth and cost before validation, in time linear in the document (GraphQL.NET's complexity
            // analyzer expands fragments first); aliases in validation. Both are properties of the document alone:
            // a cached document passed them when it was cached.
            .ConfigureExecution<DocumentLimits>()
            .AddValidationRule(new AliasLimitRule(limits.MaxAliases), useForCachedDocuments: false)
            .ConfigureExecution<DocumentCache>());
        builder.Services.AddSingleton(new global::GraphQL.Execution.ErrorInfoProviderOptions { ExposeExceptionDetails = development });
        return builder;
    }

    /// <summary>SignalR for everything live.</summary>
    public static WebApplicationBuilder AddCollaborationRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            o.EnableDetailedErrors = false;
        }).AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions));
        // The same JSON protocol, refusing calls whose arguments do not bind with VALIDATION like any other refusal.
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)));
        builder.Services.AddSingleton<IHubProtocol, RefusingJsonHubProtocol>();
        builder.Services.AddSingleton<NotesRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotesRelay>());
        builder.Services.AddSingleton<MeetingsRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MeetingsRelay>());
        return builder;
    }

    /// <summary>Structured logs, OpenTelemetry metrics (HTTP, grain calls, hub connections), health checks.</summary>
    public static WebApplicationBuilder AddCollaborationObservability(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Logging:Json", false))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.PostConfigure<LoggerFilterOptions>(KeepSecretsOutOfLogs);

        var otel = builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CollaborationMetrics.MeterName)
                .AddMeter(SqliteGrainStorage.MeterName)
                .AddMeter("Microsoft.Orleans")
                .AddMeter("Microsoft.AspNetCore.Http.Connections")
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                metrics.AddOtlpExporter();
        });
        // Meters are matched by name in the whole process. When several hosts share one (the tests, an in-process
        // cluster), this server must not count another host's instruments (ASP.NET Core's, Orleans') as its own:
        // a view drops every instrument whose meter another host's meter factory made.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
        {
            var own = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            metrics.AddView(instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<SiloAndStorageHealthCheck>("silo-and-storage", HealthStatus.Unhealthy, ["ready"]);
        return builder;
    }

    /// <summary>
    /// Categories whose lower levels print what must never be logged, and the lowest level they log at
    /// whatever the configuration says: SignalR's debug logs print hub arguments, which for the notes hub
    /// are note text (DESIGN.md invariant 1); request logs and routing print URLs, and a calendar feed's
    /// URL is its secret.
    /// </summary>
    private static readonly (string Category, LogLevel Floor)[] QuietCategories =
    [
        ("Microsoft.AspNetCore.SignalR", LogLevel.Information),
        ("Microsoft.AspNetCore.Http.Connections", LogLevel.Information),
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),
        ("Microsoft.AspNetCore.Routing", LogLevel.Warning),
        ("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning),
    ];

    /// <summary>
    /// Raises every rule of a quiet category to its floor and adds the floor for every provider named in the
    /// configuration, so neither a more specific category nor a provider's own level can lower it.
    /// </summary>
    private static void KeepSecretsOutOfLogs(LoggerFilterOptions options)
    {
        static LogLevel? FloorOf(string? category) =>
            category is null ? null
            : QuietCategories.Where(q => category.StartsWith(q.Category, StringComparison.OrdinalIgnoreCase)).Select(q => (LogLevel?)q.Floor).Max();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (FloorOf(rule.CategoryName) is { } floor && (rule.LogLevel is null || rule.LogLevel < floor))
                options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, floor, rule.Filter);
        }
        foreach (var provider in options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList())
        {
            foreach (var (category, floor) in QuietCategories)
                options.Rules.Add(new LoggerFilterRule(provider, category, floor, null));
        }
    }

    /// <summary>Loads the MTM demo dialogue when asked to (<c>--demo</c> or <c>Collaboration:Demo=true</c>).</summary>
    public static WebApplicationBuilder AddCollaborationStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoDirectory>();
        builder.Services.AddHostedService<StartupTasks>();
        return builder;
    }

    public static WebApplication MapCollaborationEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGraphQL("/graphql");
        app.MapHub<NotesHub>(NotesHub.Path);
        app.MapHub<MeetingsHub>(MeetingsHub.Path);
        app.MapSignInEndpoints();
        app.MapOpenIdConnectSignIn();
        app.MapDocumentEndpoints();
        app.MapLibraryEndpoints();
        app.MapRsvpEndpoints();
        app.MapCalendarFeeds();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
