using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Server.Hubs;

/// <summary>
/// How the notes hub writes JSON: web defaults (camelCase) with enums by name ("Unreviewed", "Delegation"),
/// so a client reads a review mark or a finding's kind without a table of numbers. Clients in .NET configure
/// their connection the same way.
/// </summary>
public static class NotesJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
