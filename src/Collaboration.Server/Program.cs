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

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
