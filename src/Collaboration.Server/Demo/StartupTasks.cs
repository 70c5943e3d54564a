using Collaboration.Server.Auth;
using Collaboration.Server.Extensions;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Demo;

/// <summary>After the silo is up: load the demo when asked, then announce the setup link if setup is pending.</summary>
public sealed class StartupTasks(
    IOptions<CollaborationOptions> options,
    DemoDirectory demo,
    SignInService signIn,
    ISetupLinkSink sink) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Demo)
            await demo.LoadAsync();
        if (await signIn.OpenSetupAsync() is { } link)
            sink.Announce(link);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
