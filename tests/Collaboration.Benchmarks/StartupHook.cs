using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// Runs first in the server process the GraphQL benchmark starts (<c>DOTNET_STARTUP_HOOKS</c>): the server's
/// dependency list does not name the benchmark assembly, so this makes it loadable by name for
/// <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>, which then adds <see cref="Collaboration.Benchmarks.MeetingPageFloor"/>.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == self.GetName().Name ? self : null;
    }
}
