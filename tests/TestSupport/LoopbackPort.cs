using System.Diagnostics;
using System.Net.Sockets;

namespace Collaboration.Tests;

/// <summary>Waits for a server process the tests started to listen on its loopback port.</summary>
public static class LoopbackPort
{
    public static async Task WaitForAsync(Process process, int port, string name)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{name} exited with {process.ExitCode}.");
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{name} did not listen on 127.0.0.1:{port}.");
    }
}
