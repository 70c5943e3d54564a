using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Server.Tests;

/// <summary>
/// The web app's types are generated from <c>clients/web/schema.graphql</c> (graphql-codegen); this test prints
/// the server's schema and fails when the committed file has drifted from it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaFileTests(CollaborationFactory factory)
{
    [Fact]
    public void The_committed_schema_is_the_server_s()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "clients", "web", "schema.graphql");
        if (Environment.GetEnvironmentVariable("COLLABORATION_UPDATE_SCHEMA") == "1")
            File.WriteAllText(path, printed);

        Assert.True(File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == printed,
            "clients/web/schema.graphql is not the server's schema. After a deliberate change of the API, print it again with "
            + "COLLABORATION_UPDATE_SCHEMA=1 dotnet test tests/Collaboration.Server.Tests --filter SchemaFile, then regenerate the app's types (npm run codegen).");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
