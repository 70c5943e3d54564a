namespace Collaboration.Server.Auth;

/// <summary>Where the one-time setup link goes: the console by default (never the log).</summary>
public interface ISetupLinkSink
{
    void Announce(string link);
}

public sealed class ConsoleSetupLinkSink : ISetupLinkSink
{
    public void Announce(string link)
    {
        // Written to standard output on purpose, not through logging: logs are shipped and kept, and this
        // link makes its holder the administrator.
        Console.Out.WriteLine();
        Console.Out.WriteLine("No administrator exists yet. Open this one-time link to create the first secretariat administrator:");
        Console.Out.WriteLine($"  {link}");
        Console.Out.WriteLine();
        Console.Out.Flush();
    }
}
