namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 16: the schema documents itself. GraphiQL and generated clients show these descriptions to the
/// people who write queries against the API, so every type, field, argument and input field has one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaDescriptionTests(CollaborationFactory factory)
{
    [Fact]
    public async Task Every_type_field_argument_and_input_field_has_a_description()
    {
        var schema = (await factory.Administrator().GraphQLAsync(GraphQLStandardClientTests.IntrospectionQuery)).EnsureNoErrors().Data("__schema");
        var missing = new List<string>();
        void Check(JsonNode? node, string where)
        {
            if (string.IsNullOrWhiteSpace(node?["description"]?.GetValue<string>()))
                missing.Add(where);
        }

        // The introspection types (__Type, __Field, …) are the GraphQL specification's, described there.
        foreach (var type in schema["types"]!.AsArray().Where(t => !t!["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal)))
        {
            var name = type!["name"]!.GetValue<string>();
            Check(type, name);
            foreach (var field in type["fields"] as JsonArray ?? [])
            {
                var fieldName = $"{name}.{field!["name"]!.GetValue<string>()}";
                Check(field, fieldName);
                foreach (var argument in field["args"]!.AsArray())
                    Check(argument, $"{fieldName}({argument!["name"]!.GetValue<string>()}:)");
            }
            foreach (var field in type["inputFields"] as JsonArray ?? [])
                Check(field, $"{name}.{field!["name"]!.GetValue<string>()}");
        }

        Assert.True(missing.Count == 0, $"{missing.Count} parts of the schema have no description:\n{string.Join('\n', missing)}");
    }
}
