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

// The database first: one that cannot be reached or used stops the server with one line, not a stack trace,
// before the silo starts (the silo's own migration step then finds nothing left to do).
if (await app.Services.GetRequiredService<Collaboration.Persistence.SchemaMigrator>().TryMigrateAsync() is { } problem)
{
    Console.Error.WriteLine($"Collaboration cannot start: {problem}");
    Environment.Exit(3);
}

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
