using Collaboration.Server.Extensions;

// `backup --to FILE` and `restore --from FILE` run and exit instead of serving.
if (StorageCommands.Run(args) is { } exitCode)
{
    Environment.Exit(exitCode);
}

var builder = WebApplication.CreateBuilder(DemoSwitch.Apply(args));

builder.AddCollaborationSettings()
    .AddCollaborationOrleans()
    .AddCollaborationIntegrations()
    .AddCollaborationAuthentication()
    .AddCollaborationGraphQL()
    .AddCollaborationRealtime()
    .AddCollaborationObservability()
    .AddCollaborationStartup()
    .AddCollaborationRateLimits()
    .AddCollaborationReverseProxy();

var app = builder.Build();
app.UseForwardedHeaders();

app.UseSecurityHeaders();
app.MapWebApp();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapCollaborationEndpoints();

// Settings first: a wrong one stops the server with what it must be, naming it, before anything is opened.
// Inside a test host (WebApplicationFactory runs this file too) the host's own start checks the same settings
// and throws, so only the server's own process prints and exits here.
try
{
    if (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
}
catch (Exception e)
{
    // Only binding and checking settings runs here: a value of the wrong type fails binding with a message
    // that names it; a value out of range fails its check.
    var failures = (e is AggregateException many ? many.InnerExceptions : [e])
        .SelectMany(f => f is Microsoft.Extensions.Options.OptionsValidationException invalid ? invalid.Failures : [f.Message]);
    Console.Error.WriteLine($"Collaboration cannot start: {string.Join(" ", failures)}");
    Environment.Exit(3);
}

// Then the database: one that cannot be reached or used stops the server with one line, not a stack trace,
// before the silo starts (the silo's own migration step then finds nothing left to do).
if (await app.Services.GetRequiredService<Collaboration.Persistence.SchemaMigrator>().TryMigrateAsync() is { } problem)
{
    Console.Error.WriteLine($"Collaboration cannot start: {problem}");
    Environment.Exit(3);
}

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
