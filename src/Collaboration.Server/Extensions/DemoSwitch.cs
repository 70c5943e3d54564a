namespace Collaboration.Server.Extensions;

/// <summary>Turns the bare <c>--demo</c> switch into the setting <c>Collaboration:Demo=true</c>.</summary>
public static class DemoSwitch
{
    public static string[] Apply(string[] args) =>
        [.. args.Select(a => a == "--demo" ? $"--{CollaborationOptions.Section}:Demo=true" : a)];
}
