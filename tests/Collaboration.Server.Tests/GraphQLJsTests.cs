using System.Diagnostics;

namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 16: the reference implementation reads the schema. graphql-js (npm <c>graphql</c>, pinned in
/// <c>graphql-js/package.json</c>; <c>test.sh</c> installs it, and so does this test when it is missing)
/// writes the introspection query its clients send, the server answers it, and graphql-js builds a client
/// schema from the answer and validates it, as GraphiQL and graphql-codegen do before anything else.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLJsTests(CollaborationFactory factory)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "tests", "Collaboration.Server.Tests", "graphql-js");

    [Fact]
    public async Task Graphql_js_builds_and_validates_the_schema_from_the_server_s_introspection()
    {
        await EnsureInstalledAsync();
        var (queryExit, query) = await NodeAsync("query", null);
        Assert.True(queryExit == 0, query);

        var answer = await factory.Anonymous().GraphQLAsync(query);
        var (checkExit, report) = await NodeAsync("check", answer.Raw);

        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(checkExit == 0, report);
    }

    /// <summary><c>npm ci</c> from the pinned lock file when the package is not there yet (test.sh does it first).</summary>
    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", "graphql", "package.json")))
            return;
        var (exit, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], null);
        Assert.True(exit == 0, $"npm ci failed in {Folder}:\n{output}");
    }

    private static Task<(int Exit, string Output)> NodeAsync(string mode, string? input) => RunAsync("node", ["check-schema.mjs", mode], input);

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (input is not null)
            await process.StandardInput.WriteAsync(input.AsMemory(), TestContext.Current.CancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Collaboration.sln) is not above the test binaries.");
    }
}
