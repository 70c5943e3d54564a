using Collaboration.Server.Extensions;

var builder = WebApplication.CreateBuilder(DemoSwitch.Apply(args));

builder.AddCollaborationSettings()
    .AddCollaborationOrleans()
    .AddCollaborationIntegrations()
    .AddCollaborationAuthentication()
    .AddCollaborationGraphQL()
    .AddCollaborationRealtime()
    .AddCollaborationObservability()
    .AddCollaborationStartup();

var app = builder.Build();

app.MapWebApp();
app.UseAuthentication();
app.UseAuthorization();
app.MapCollaborationEndpoints();

try
{
    app.Run();
}
catch (Exception e) when (Unwrap(e) is Collaboration.Persistence.StorageUnavailableException storage)
{
    // One line, not a stack trace: the operator fixes the connection string or starts the database.
    Console.Error.WriteLine($"Collaboration cannot start: {storage.Message}");
    Environment.ExitCode = 3;
}

static Exception Unwrap(Exception e)
{
    for (var current = e; current is not null; current = current.InnerException)
    {
        if (current is Collaboration.Persistence.StorageUnavailableException)
            return current;
    }
    return e;
}

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
