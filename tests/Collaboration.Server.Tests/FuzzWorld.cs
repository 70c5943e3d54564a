using Collaboration.Server.Hubs;

namespace Collaboration.Server.Tests;

/// <summary>
/// A server of its own for the fuzz tests, so that nothing but the fuzzing touches its state: a dialogue,
/// an open meeting with two working sessions, co-chairs, a rapporteur, an accepted participant and notes
/// (one entry edited, one deleted), a draft meeting the participant cannot see, and the schema as the
/// server describes it. <see cref="SnapshotAsync"/> reads everything a fuzz case could change.
/// </summary>
public sealed class FuzzWorld : CollaborationFactory
{
    public MeetingWorld World { get; private set; } = null!;

    public string DialogueKey => World.Key;

    /// <summary>The open meeting whose notes are taken live.</summary>
    public string MeetingId { get; private set; } = "";

    /// <summary>A draft meeting of the same dialogue: the participant may not see it.</summary>
    public string DraftMeetingId { get; private set; } = "";

    public IReadOnlyList<string> SessionIds { get; private set; } = [];

    /// <summary>Entries 1 (version 1), 2 (edited, version 2) and 3 (deleted, version 2).</summary>
    public const int EntryCount = 3;

    /// <summary>Bearer tokens by alias: the co-chair "it1" takes notes, "it2" follows them, "outsider" may not see the meeting.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>The accepted participant's browser session (a cookie, not a token).</summary>
    public HttpClient Participant { get; private set; } = null!;

    public Schema Schema { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        World = await MeetingWorld.CreateAsync(this);
        (MeetingId, SessionIds) = await World.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["staff"], ["IT", "EG"], ["it2"], open: true);
        var id = MeetingId;
        Participant = await World.AsAsync("it2");
        DraftMeetingId = (await World.CreateMeetingAsync())["id"]!.GetValue<string>();

        foreach (var alias in (string[])["it1", "it2", "outsider"])
        {
            Tokens[alias] = (await (await World.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"fuzz\") { token } }"))
                .EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
        }

        await using (var noteTaker = await HubClient.ConnectAsync(this, Tokens["it1"]))
        {
            await noteTaker.JoinAsync(id);
            foreach (var text in (string[])["Transit routes have shifted east.", "Return programmes need funding.", "A point withdrawn later."])
                Require((await noteTaker.AppendAsync(id, SessionIds[0], text)).Entry is not null, "append");
            Require((await noteTaker.EditAsync(id, 2, 1, "Return and reintegration programmes need funding.")).Entry?.Version == 2, "edit");
            Require((await noteTaker.DeleteAsync(id, 3, 1)).Entry?.Deleted == true, "delete");
        }

        var admin = World.Administrator;
        Schema = await Schema.ReadAsync(admin);
        // Invitations leave through the outbox a moment after they were accepted: let it drain, so the snapshot holds still.
        await Eventually.Async(async () => (await admin.GraphQLAsync("{ outbox { id } }")).EnsureNoErrors().Data("outbox").AsArray().Count == 0 ? "" : null, "the outbox to drain");
    }

    private static void Require(bool condition, string step)
    {
        if (!condition)
            throw new InvalidOperationException($"The fuzz world could not {step} a note entry.");
    }

    /// <summary>
    /// Everything a fuzz case could change, as text: each query field that needs nothing or only the dialogue
    /// key or the meeting id, read by the administrator and by the participant; the mail written; and the
    /// meeting's notes as a hub client that joins them sees them.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var (client, who) in (ValueTuple<HttpClient, string>[])[(Administrator(), "administrator"), (Participant, "participant")])
        {
            foreach (var query in Schema.SnapshotQueries())
            {
                var response = await client.GraphQLAsync(query, new { k = DialogueKey, id = MeetingId });
                if (response.Status != HttpStatusCode.OK || response.Errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() is "VALIDATION" or "INTERNAL"))
                    throw new InvalidOperationException($"The snapshot query could not run: {query}\n{response.Raw}");
                text.Append(who).Append(' ').AppendLine(query).AppendLine(response.Raw);
            }
        }
        text.Append("mail ").AppendLine(Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder).Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0");
        await using var hub = await HubClient.ConnectAsync(this, Tokens["it1"]);
        var joined = await hub.JoinAsync(MeetingId);
        text.Append("notes ").AppendLine(JsonSerializer.Serialize(new { joined.Entries, joined.LastChange, joined.Finalized }));
        return text.ToString();
    }

    /// <summary>A hub connection that has joined the meeting, so that <see cref="NotesHub.GetPresence"/> answers.</summary>
    public async Task<HubClient> JoinedAsync(string token, string meetingId)
    {
        var client = await HubClient.ConnectAsync(this, token);
        await client.JoinAsync(meetingId);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzWorld>
{
    public const string Name = "fuzz";
}

/// <summary>A GraphQL type reference as introspection answers it.</summary>
public sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public bool IsNonNull => Kind == "NON_NULL";

    public bool IsList => Kind == "LIST";

    /// <summary>The named type at the bottom (through NON_NULL and LIST).</summary>
    public TypeRef Named => OfType is null ? this : OfType.Named;

    public override string ToString() => Kind switch
    {
        "NON_NULL" => OfType + "!",
        "LIST" => "[" + OfType + "]",
        _ => Name!,
    };

    public static TypeRef Parse(JsonNode node) =>
        new(node["kind"]!.GetValue<string>(), node["name"]?.GetValue<string>(), node["ofType"] is { } of ? Parse(of) : null);
}

public sealed record SchemaArgument(string Name, TypeRef Type);

public sealed record SchemaField(string Name, IReadOnlyList<SchemaArgument> Arguments, TypeRef Type)
{
    public IEnumerable<SchemaArgument> Required => Arguments.Where(a => a.Type.IsNonNull);
}

public sealed record SchemaType(string Name, string Kind, IReadOnlyList<SchemaField> Fields, IReadOnlyList<SchemaArgument> InputFields, IReadOnlyList<string> EnumValues);

/// <summary>The schema as the server introspects it: what the generators draw names, types and values from.</summary>
public sealed class Schema
{
    /// <summary>
    /// Mutations that succeed with nothing but free text (or nothing at all), so a generated document could
    /// change state legitimately: they stay out of every generated document, which keeps "nothing changed"
    /// meaningful. createDialogue makes a dialogue under any new key.
    /// </summary>
    public static readonly string[] MutationsThatNeedNoTarget =
        ["createDialogue", "createAccessToken", "requestSignInLink", "signOut", "createCalendarFeed", "revokeCalendarFeed"];

    private const string TypeRefSelection = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    public required IReadOnlyDictionary<string, SchemaType> Types { get; init; }

    public required string QueryType { get; init; }

    public required string MutationType { get; init; }

    public required IReadOnlyList<string> Directives { get; init; }

    public IReadOnlyList<SchemaField> Queries => Types[QueryType].Fields;

    /// <summary>The mutations a generated document may use (see <see cref="MutationsThatNeedNoTarget"/>).</summary>
    public IReadOnlyList<SchemaField> Mutations => [.. Types[MutationType].Fields.Where(f => !MutationsThatNeedNoTarget.Contains(f.Name))];

    /// <summary>Every name the schema knows, except the excluded mutations: field, argument, type and enum value names.</summary>
    public IReadOnlyList<string> Names =>
    [
        .. Types.Values.SelectMany(t => t.Fields.SelectMany(f => f.Arguments.Select(a => a.Name).Append(f.Name))
            .Concat(t.InputFields.Select(f => f.Name)).Concat(t.EnumValues).Append(t.Name))
            .Where(n => !MutationsThatNeedNoTarget.Contains(n)).Distinct(),
    ];

    public static async Task<Schema> ReadAsync(HttpClient client)
    {
        // One type at a time, in parts: written when introspecting everything at once was over the complexity limit, kept because the generators read this shape.
        var kinds = (await client.GraphQLAsync("{ __schema { queryType { name } mutationType { name } directives { name } types { name kind } } }")).EnsureNoErrors();
        var types = new Dictionary<string, SchemaType>();
        foreach (var t in kinds.Data("__schema", "types").AsArray())
        {
            var name = t!["name"]!.GetValue<string>();
            var kind = t["kind"]!.GetValue<string>();
            var fields = (await client.GraphQLAsync($"query($n: String!) {{ __type(name: $n) {{ fields {{ name type {{ {TypeRefSelection} }} }} inputFields {{ name type {{ {TypeRefSelection} }} }} enumValues {{ name }} }} }}", new { n = name }))
                .EnsureNoErrors().Data("__type");
            var arguments = (await client.GraphQLAsync($"query($n: String!) {{ __type(name: $n) {{ fields {{ name args {{ name type {{ {TypeRefSelection} }} }} }} }} }}", new { n = name }))
                .EnsureNoErrors().Data("__type");
            var argumentsOf = (arguments["fields"] as JsonArray ?? []).ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["args"]!.AsArray().Select(ArgumentOf).ToList());
            types[name] = new SchemaType(
                name,
                kind,
                [.. (fields["fields"] as JsonArray ?? []).Select(f => new SchemaField(f!["name"]!.GetValue<string>(), argumentsOf[f["name"]!.GetValue<string>()], TypeRef.Parse(f["type"]!)))],
                [.. (fields["inputFields"] as JsonArray ?? []).Select(ArgumentOf)],
                [.. (fields["enumValues"] as JsonArray ?? []).Select(v => v!["name"]!.GetValue<string>())]);
        }
        var schema = kinds.Data("__schema");
        var mutationType = schema["mutationType"]!["name"]!.GetValue<string>();
        var missing = MutationsThatNeedNoTarget.Where(m => types[mutationType].Fields.All(f => f.Name != m)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"The schema no longer has {string.Join(", ", missing)}: review the fuzz tests' list of excluded mutations.");
        return new Schema
        {
            Types = types,
            QueryType = schema["queryType"]!["name"]!.GetValue<string>(),
            MutationType = mutationType,
            Directives = [.. schema["directives"]!.AsArray().Select(d => d!["name"]!.GetValue<string>())],
        };

        static SchemaArgument ArgumentOf(JsonNode? node) => new(node!["name"]!.GetValue<string>(), TypeRef.Parse(node["type"]!));
    }

    /// <summary>
    /// A selection of a type's fields that take no required argument, down to <paramref name="depth"/> levels
    /// of objects, and never a third list inside two (<paramref name="lists"/> counts those around it): the server
    /// counts each field under a list ten times, and a full selection three lists deep is over its limit. Empty for
    /// a scalar or enum.
    /// </summary>
    public string Selection(TypeRef type, int depth, int lists = 0)
    {
        var named = Types[type.Named.Name!];
        if (named.Kind != "OBJECT")
            return "";
        var parts = new List<string>();
        foreach (var field in named.Fields.Where(f => !f.Required.Any() && !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var fieldType = Types[field.Type.Named.Name!];
            if (fieldType.Kind is "SCALAR" or "ENUM")
                parts.Add(field.Name);
            else if (fieldType.Kind == "OBJECT" && depth > 1 && lists + (IsListOf(field.Type) ? 1 : 0) < 3
                && Selection(field.Type, depth - 1, lists + (IsListOf(field.Type) ? 1 : 0)) is { Length: > 0 } inner)
                parts.Add($"{field.Name} {{ {inner} }}");
        }
        return string.Join(' ', parts);
    }

    private static bool IsListOf(TypeRef type) => type.IsNonNull ? IsListOf(type.OfType!) : type.IsList;

    /// <summary>The query fields whose required arguments are at most the dialogue key ($k) and the meeting id ($id), each with a full selection.</summary>
    public IEnumerable<string> SnapshotQueries()
    {
        foreach (var field in Queries.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var required = field.Required.ToList();
            if (required.Any(a => (a.Name, a.Type.Named.Name) is not (("key", "String") or ("id", "ID"))))
                continue;
            var declared = string.Join(", ", required.Select(a => a.Name == "key" ? "$k: String!" : "$id: ID!"));
            var passed = string.Join(", ", required.Select(a => a.Name == "key" ? "key: $k" : "id: $id"));
            var selection = Selection(field.Type, 3, IsListOf(field.Type) ? 1 : 0);
            yield return (declared.Length > 0 ? $"query({declared}) " : "query ")
                + $"{{ {field.Name}{(passed.Length > 0 ? $"({passed})" : "")}{(selection.Length > 0 ? $" {{ {selection} }}" : "")} }}";
        }
    }
}
