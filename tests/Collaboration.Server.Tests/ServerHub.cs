using Microsoft.Extensions.DependencyInjection;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>A notes-hub connection to a server running as a child process, as a script or app holding an access token makes it.</summary>
public static class ServerHub
{
    public static async Task<HubConnection> ConnectAsync(ServerProcess server, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, NotesHub.Path), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Authorization"] = "Bearer " + token;
            })
            .AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
