using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Collaboration.Server.Tests;

/// <summary>Who sends a fuzzed request.</summary>
public enum Sender
{
    Administrator,
    Participant,
    Anonymous,
}

/// <summary>What a fuzzed request is expected to get: anything but a 5xx, or a refusal before execution.</summary>
public enum Expectation
{
    /// <summary>Any 2xx-4xx; a GraphQL answer must be well formed.</summary>
    NoServerError,

    /// <summary>The document is valid but the variables or operation name are not: 400 with VALIDATION, nothing executed.</summary>
    RefusedBeforeExecution,

    /// <summary>The request runs and a rule refuses it: no data for the mutation, an error with a code.</summary>
    RefusedWhenRun,
}

/// <summary>One generated request to /graphql.</summary>
public sealed record FuzzRequest(string Kind, Sender Sender, string Method, string? ContentType, byte[]? Body, string? QueryString, Expectation Expectation)
{
    public static FuzzRequest Json(string kind, Sender sender, JsonNode? body, Expectation expectation = Expectation.NoServerError) =>
        new(kind, sender, "POST", "application/json", Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), null, expectation);

    public static FuzzRequest Get(string kind, Sender sender, string? query, JsonNode? variables = null, string? operationName = null)
    {
        var parts = new List<string>();
        if (query is not null)
            parts.Add("query=" + Uri.EscapeDataString(query));
        if (variables is not null)
            parts.Add("variables=" + Uri.EscapeDataString(variables.ToJsonString()));
        if (operationName is not null)
            parts.Add("operationName=" + Uri.EscapeDataString(operationName));
        return new(kind, sender, "GET", null, null, string.Join('&', parts), Expectation.NoServerError);
    }

    /// <summary>What FsCheck prints for a failing case: enough to read, not the whole of a huge body.</summary>
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        var shown = QueryString ?? body;
        return $"{Kind} as {Sender}: {Method} {ContentType} {(shown.Length > 600 ? shown[..600] + $"… ({shown.Length} chars)" : shown)}";
    }
}

/// <summary>
/// Generators of malformed GraphQL requests, drawn from the grammar, the server's own schema and the
/// documents the app really sends. Real ids and keys go only into requests that cannot change anything:
/// documents without a mutation, and valid mutations whose variables are certainly refused.
/// </summary>
public sealed partial class MalformedRequests(FuzzWorld world)
{
    private readonly Schema _schema = world.Schema;

    private static readonly string[] Punctuation = ["{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "...", "|", "&", ",", "#"];

    private static readonly string[] Keywords =
        ["query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "schema", "type", "extend", "interface", "union", "enum", "input", "directive", "implements", "repeatable", "__typename", "__schema", "__type"];

    private static readonly string[] Numbers =
        ["0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999999999", "1e999", "-1e-999", "1.5", "0x1F", "1.", ".5", "01", "1e", "NaN", "Infinity"];

    /// <summary>String literals as they appear in a document: odd escapes, unterminated, block strings, ids that name nothing.</summary>
    private static readonly string[] Strings =
    [
        "\"\"", "\"fuzz/no-such-meeting\"", "\"no-such-dialogue\"", "\"/\"", "\"a/b/c\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDFFF\\uD800\"", "\"\\x41\"", "\"\\u12\"",
        "\"unterminated", "\"\"\"block \"\"\" string\"\"\"", "\"\"\"", "\"مالطا\"", "\"👩🏽‍🚀\"", "\"\u202Eevil\"", "\"line\nbreak\"", "\"00000000-0000-0000-0000-000000000000\"",
        "\"2012-05-22T09:00\"", "\"9999-99-99T99:99\"", "\"' OR 1=1 --\"", "\"<script>\"", "\"%00\"", "\"../../etc/passwd\"",
    ];

    /// <summary>Characters no tokenizer expects, written into the document as they are.</summary>
    private static readonly string[] Oddities = ["\u0000", "\uFEFF", "\u00A0", "\u2028", "\t", "\r", "\\", "'", "`", "%", "^", "*", "?", ";", "~", "é", "ß", "中"];

    /// <summary>The documents the app sends (and a few more from the schema), each with the variables it declares.</summary>
    private IReadOnlyList<string> ReadDocuments =>
    [
        "{ viewer { person { name } isAdministrator } }",
        $"query($id: ID!) {{ meeting(id: $id) {{ {MeetingWorld.MeetingFields} }} }}",
        "query($k: String!) { dialogue(key: $k) { key name version partnerStates { code name regionalGroup } members { personId person { name email } } } }",
        "query($k: String!) { meetings(key: $k, first: 20) { nodes { id status titles { language text } } } }",
        "query($id: ID!) { meetingNotes(id: $id) { finalized title sections { title entries } markdown } }",
        "{ outbox { id to status attempts lastError } }",
        "{ setupRequired dialogues { key name } }",
        .. world.Schema.SnapshotQueries(),
    ];

    /// <summary>Every mutation the generators may use, well formed, aimed at a dialogue, meeting or person that does not exist.</summary>
    private Gen<string> MutationOnNothing =>
        from mutation in Gen.Elements(_schema.Mutations.ToArray())
        from arguments in Gen.CollectToArray(mutation.Arguments.Where(a => a.Type.IsNonNull || a.Name.Length % 2 == 0), a => LiteralFor(a.Type, 3).Select(v => $"{a.Name}: {v}"))
        let selection = _schema.Selection(mutation.Type, 2)
        select $"mutation {{ {mutation.Name}{(arguments.Length > 0 ? $"({string.Join(", ", arguments)})" : "")}{(selection.Length > 0 ? $" {{ {selection} }}" : "")} }}";

    /// <summary>Every query with arguments of the right shape that name nothing that exists (or are odd: empty, huge, slashes, escapes).</summary>
    private Gen<string> QueryOnNothing =>
        from query in Gen.Elements(_schema.Queries.Where(q => q.Arguments.Count > 0 && !q.Name.StartsWith("__", StringComparison.Ordinal)).ToArray())
        from arguments in Gen.CollectToArray(query.Arguments.Where(a => a.Type.IsNonNull || a.Name.Length % 2 == 1), a => LiteralFor(a.Type, 3).Select(v => $"{a.Name}: {v}"))
        let selection = _schema.Selection(query.Type, 2)
        select $"{{ {query.Name}{(arguments.Length > 0 ? $"({string.Join(", ", arguments)})" : "")}{(selection.Length > 0 ? $" {{ {selection} }}" : "")} }}";

    /// <summary>A value of the right shape for a type, naming nothing that exists.</summary>
    private Gen<string> LiteralFor(TypeRef type, int depth)
    {
        if (type.IsNonNull)
            return LiteralFor(type.OfType!, depth);
        if (type.IsList)
            return depth <= 0 ? Gen.Constant("[]") : Gen.ListOf(LiteralFor(type.OfType!, depth - 1), 2).Select(items => "[" + string.Join(", ", items) + "]");
        var named = _schema.Types[type.Name!];
        return named.Kind switch
        {
            "ENUM" => Gen.Elements(named.EnumValues.ToArray()),
            "INPUT_OBJECT" when depth > 0 => Gen.CollectToArray(named.InputFields.Where(f => f.Type.IsNonNull), f => LiteralFor(f.Type, depth - 1).Select(v => $"{f.Name}: {v}"))
                .Select(fields => "{ " + string.Join(", ", fields) + " }"),
            "INPUT_OBJECT" => Gen.Constant("{}"),
            _ => type.Name switch
            {
                "Int" => Gen.Elements("0", "-1", "7", "2147483647", "-2147483648"),
                "Float" => Gen.Elements("0.5", "-1.0", "1e10"),
                "Boolean" => Gen.Elements("true", "false"),
                _ => Gen.OneOf(
                    Gen.Elements("\"fuzz-nothing\"", "\"fuzz-nothing/nothing\"", "\"\"", "\" \"", "\"/\"", "\"a/b/c\"", "\"2012-05-22T09:00\"", "\"2012-02-30T25:61\"", "\"00000000000000000000000000000000\"",
                        "\"x\"", "\" /x\"", "\"\\t/\\t\"", "\"\\u0000\"", "\"\\uD800\"", "\"مالطا\"", "\"Europe/Nowhere\"", "\"1\"", "\"-1\"", "\"ZZ\"", "\"not an email\""),
                    Gen.Choose(100, 20_000).Select(n => "\"" + new string('w', n) + "\"")),
            },
        };
    }

    private Gen<string> Token => Gen.Frequency(
        (4, Gen.Elements(_schema.Names.ToArray())),
        (4, Gen.Elements(Punctuation)),
        (2, Gen.Elements(Keywords)),
        (1, Gen.Elements(Numbers)),
        (1, Gen.Elements(Strings)),
        (1, Gen.Elements(Gen.Elements(_schema.Directives.ToArray()).Sample(1).Select(d => "@" + d).Append("@nosuch").ToArray())),
        (1, Gen.Elements("$id", "$k", "$v", "$undeclared")),
        (1, Gen.Elements(Oddities)));

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|\\.\\.\\.|[!$&():=@\\[\\]{}|]|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[_A-Za-z][_0-9A-Za-z]*|\\S")]
    private static partial Regex Lexer();

    private static List<string> Tokens(string document) => [.. Lexer().Matches(document).Select(m => m.Value)];

    /// <summary>A real document with one to four token-level changes: dropped, doubled, swapped, replaced, inserted, or cut short.</summary>
    private Gen<string> Mutated(Gen<string> seeds) =>
        from seed in seeds
        from edits in Gen.Choose(1, 4)
        from result in Enumerable.Range(0, edits).Aggregate(Gen.Constant(Tokens(seed)), (gen, _) => gen.SelectMany(Edit))
        from separator in Gen.Elements(" ", " ", " ", "\n", ",", "\t", "\uFEFF")
        select string.Join(separator, result);

    private Gen<List<string>> Edit(List<string> tokens) =>
        tokens.Count == 0
            ? Token.Select(t => new List<string> { t })
            : from at in Gen.Choose(0, tokens.Count - 1)
              from token in Token
              from kind in Gen.Choose(0, 5)
              select kind switch
              {
                  0 => [.. tokens[..at], .. tokens[(at + 1)..]],
                  1 => [.. tokens[..(at + 1)], tokens[at], .. tokens[(at + 1)..]],
                  2 when at + 1 < tokens.Count => [.. tokens[..at], tokens[at + 1], tokens[at], .. tokens[(at + 2)..]],
                  3 => [.. tokens[..at], token, .. tokens[(at + 1)..]],
                  4 => [.. tokens[..at], token, .. tokens[at..]],
                  _ => tokens[..at],
              };

    private Gen<string> TokenSoup => Gen.Sized(size => Gen.Choose(1, Math.Max(2, size)).SelectMany(n => Gen.ListOf(Token, n))).Select(t => string.Join(' ', t));

    /// <summary>Selections nested far past the depth limit (and the parser's), balanced or not.</summary>
    private Gen<string> DeepNesting =>
        from depth in Gen.OneOf(Gen.Choose(11, 40), Gen.Choose(200, 700), Gen.Choose(2000, 6000))
        from name in Gen.Elements("viewer", "person", "a", "meeting", "__schema")
        from closing in Gen.Elements(depth, depth - 1, depth + 1, 0)
        select "{ " + string.Concat(Enumerable.Repeat(name + " { ", depth)) + "name" + string.Concat(Enumerable.Repeat(" }", Math.Max(0, closing))) + " }";

    /// <summary>Fragments that spread each other in a cycle, spread themselves, or spread nothing that exists.</summary>
    private Gen<string> FragmentTrouble =>
        from length in Gen.Choose(1, 5)
        from onType in Gen.Elements("Viewer", _schema.QueryType, "Person", "NoSuchType", "Meeting", "String")
        from root in Gen.Elements("{ viewer { ...F0 } }", "{ ...F0 }", "query { viewer { ...Missing } }", "{ viewer { ... on Viewer { ...F0 } } }")
        from duplicate in Gen.Elements(true, false)
        select root + " " + string.Concat(Enumerable.Range(0, length).Select(i => $"fragment F{i} on {onType} {{ __typename ...F{(i + 1) % length} }} "))
            + (duplicate ? $"fragment F0 on {onType} {{ __typename }}" : "");

    /// <summary>Directives that do not exist, take wrong arguments, repeat, or stand where they may not.</summary>
    private Gen<string> BadDirectives =>
        from directive in Gen.Elements(
            "@skip", "@include", "@skip(if: \"yes\")", "@include(if: 1)", "@include(if: $undeclared)", "@nosuch", "@nosuch(x: 1)", "@deprecated",
            "@deprecated(reason: 5)", "@skip(if: true) @skip(if: false)", "@skip(if: true, if: false)", "@skip(unless: true)", "@" , "@@skip")
        from place in Gen.Choose(0, 3)
        select place switch
        {
            0 => $"{{ viewer {directive} {{ isAdministrator }} }}",
            1 => $"query Q {directive} {{ setupRequired }}",
            2 => $"{{ viewer {{ ... on Viewer {directive} {{ isAdministrator }} }} }}",
            _ => $"directive @mine on FIELD {{ setupRequired {directive} }}",
        };

    /// <summary>Real queries with an argument made huge, negative, of the wrong kind, or far too long.</summary>
    private Gen<string> HugeArguments =>
        from value in Gen.OneOf(Gen.Elements(Numbers), Gen.Elements(Strings), Gen.Choose(1, 120_000).Select(n => "\"" + new string('x', n) + "\""), Gen.Elements("[1, [2, [3]]]", "{ a: { b: { c: 1 } } }", "$first"))
        from template in Gen.Elements(
            "{{ meetings(key: \"fuzz\", first: {0}) {{ nodes {{ id }} }} }}",
            "{{ meeting(id: {0}) {{ id }} }}",
            "{{ dialogue(key: {0}) {{ key }} }}",
            "{{ meetingNotes(id: {0}) {{ markdown }} }}",
            "{{ __type(name: {0}) {{ name }} }}",
            "mutation {{ retryOutboxMessage(id: {0}) {{ id }} }}")
        select string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);

    /// <summary>More aliases than allowed, several operations with no name chosen, and introspection asked too much.</summary>
    private Gen<string> Oversized =>
        Gen.OneOf(
            Gen.Choose(45, 80).Select(n => "{ " + string.Join(' ', Enumerable.Range(0, n).Select(i => $"a{i}: viewer {{ isAdministrator }}")) + " }"),
            Gen.Choose(2, 5).Select(n => string.Join(' ', Enumerable.Range(0, n).Select(i => $"query Q{i % 2} {{ setupRequired }}"))),
            Gen.Choose(2, 9).Select(n => "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", n)) + "name" + string.Concat(Enumerable.Repeat(" } }", n)) + " } } }"));

    private Gen<string> Document => Gen.Frequency(
        (5, Mutated(Gen.Elements(ReadDocuments.ToArray()))),
        (3, Mutated(MutationOnNothing)),
        (3, MutationOnNothing),
        (3, QueryOnNothing),
        (3, TokenSoup),
        (1, DeepNesting),
        (1, FragmentTrouble),
        (1, BadDirectives),
        (1, HugeArguments),
        (1, Oversized));

    private static Gen<Sender> Senders => Gen.Elements(Sender.Administrator, Sender.Participant, Sender.Anonymous);

    /// <summary>
    /// True when a document cannot be a mutation: without the keyword every operation in it is a query, so it
    /// may carry the real dialogue key and meeting id.
    /// </summary>
    private static bool OnlyReads(string document) => !document.Contains("mutation", StringComparison.Ordinal);

    private JsonObject VariablesFor(string document) => OnlyReads(document)
        ? new JsonObject { ["k"] = world.DialogueKey, ["id"] = world.MeetingId, ["v"] = 1 }
        : new JsonObject { ["k"] = "fuzz-nothing", ["id"] = "fuzz-nothing/nothing", ["v"] = 1 };

    /// <summary>Malformed or invalid documents, over POST (mostly) and GET.</summary>
    public Gen<FuzzRequest> Documents =>
        from document in Document
        from sender in Senders
        from variables in Gen.Elements(true, true, false)
        from operationName in Gen.Elements<string?>(null, null, null, "Q", "Q0", "")
        from overGet in Gen.Choose(0, 4)
        select overGet == 0
            ? FuzzRequest.Get("document (GET)", sender, document, variables ? VariablesFor(document) : null, operationName)
            : FuzzRequest.Json("document", sender, new JsonObject
            {
                ["query"] = document,
                ["variables"] = variables ? VariablesFor(document) : null,
                ["operationName"] = operationName,
            });

    /// <summary>A valid document that declares variables, with values for the real meeting and dialogue where they fit.</summary>
    private sealed record Template(string Document, IReadOnlyList<SchemaArgument> Variables);

    private IReadOnlyList<Template> Templates =>
    [
        .. _schema.Mutations.Where(m => m.Arguments.Count > 0).Select(m =>
        {
            var selection = _schema.Selection(m.Type, 2);
            return new Template(
                $"mutation Fuzz({string.Join(", ", m.Arguments.Select(a => $"${a.Name}: {a.Type}"))}) {{ {m.Name}({string.Join(", ", m.Arguments.Select(a => $"{a.Name}: ${a.Name}"))})"
                + (selection.Length > 0 ? $" {{ {selection} }}" : "") + " }",
                m.Arguments);
        }),
        .. _schema.Queries.Where(q => q.Arguments.Count > 0 && !q.Name.StartsWith("__", StringComparison.Ordinal)).Select(q =>
        {
            var selection = _schema.Selection(q.Type, 2);
            return new Template(
                $"query Fuzz({string.Join(", ", q.Arguments.Select(a => $"${a.Name}: {a.Type}"))}) {{ {q.Name}({string.Join(", ", q.Arguments.Select(a => $"{a.Name}: ${a.Name}"))})"
                + (selection.Length > 0 ? $" {{ {selection} }}" : "") + " }",
                q.Arguments);
        }),
    ];

    /// <summary>A JSON value a variable of this type accepts, aimed at the real dialogue and meeting.</summary>
    private Gen<JsonNode?> Plausible(string name, TypeRef type, int depth)
    {
        if (type.IsNonNull)
            return Plausible(name, type.OfType!, depth);
        if (type.IsList)
            return depth <= 0 ? Gen.Constant<JsonNode?>(new JsonArray()) : Gen.ListOf(Plausible(name, type.OfType!, depth - 1), 2).Select(items => (JsonNode?)new JsonArray([.. items]));
        var named = _schema.Types[type.Name!];
        return named.Kind switch
        {
            "ENUM" => Gen.Elements(named.EnumValues.ToArray()).Select(v => (JsonNode?)JsonValue.Create(v)),
            "INPUT_OBJECT" when depth > 0 => Gen.CollectToArray(named.InputFields.Where(f => f.Type.IsNonNull), f => Plausible(f.Name, f.Type, depth - 1).Select(v => (f.Name, v)))
                .Select(fields => (JsonNode?)new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, f.v)))),
            "INPUT_OBJECT" => Gen.Constant<JsonNode?>(new JsonObject()),
            _ => (type.Name, name) switch
            {
                ("Int", _) => Gen.Elements(0, 1, -1, int.MaxValue).Select(v => (JsonNode?)JsonValue.Create(v)),
                ("Float", _) => Gen.Elements(0.5, -1.0).Select(v => (JsonNode?)JsonValue.Create(v)),
                ("Boolean", _) => Gen.Elements(true, false).Select(v => (JsonNode?)JsonValue.Create(v)),
                (_, "key") => Gen.Constant<JsonNode?>(world.DialogueKey),
                (_, "id") => Gen.Elements(world.MeetingId, world.DraftMeetingId).Select(v => (JsonNode?)JsonValue.Create(v)),
                _ => Gen.OneOf(
                    Gen.Elements(world.World.People.Values.Concat(world.SessionIds)
                        .Concat(["", " ", "\t", " /x", "fuzz", "email,email\nx,y", "email,name,roles\n\"unclosed,x,Delegate", "\u0000"]).ToArray()),
                    Gen.Choose(1, 5_000).Select(n => new string('é', n))).Select(v => (JsonNode?)JsonValue.Create(v)),
            },
        };
    }

    /// <summary>A JSON value no variable of this type accepts: a null where null is not allowed, the wrong kind, unknown or missing input fields.</summary>
    private Gen<JsonNode?> Refused(TypeRef type)
    {
        var wrongKinds = new List<Gen<JsonNode?>>();
        if (type.IsNonNull)
        {
            wrongKinds.Add(Gen.Constant<JsonNode?>(null));
            type = type.OfType!;
        }
        if (type.IsList)
        {
            wrongKinds.Add(Refused(type.OfType!).Select(item => (JsonNode?)new JsonArray(item)));
            return Gen.OneOf(wrongKinds);
        }
        var named = _schema.Types[type.Name!];
        wrongKinds.Add(Gen.Elements<Func<JsonNode?>>(() => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray(1, 2) } }).Select(f => f()));
        wrongKinds.Add(named.Kind switch
        {
            "ENUM" => Gen.Elements<JsonNode?>("NO_SUCH_VALUE", 3, "accept", true),
            "INPUT_OBJECT" when named.InputFields.Any(f => f.Type.IsNonNull) => Gen.Elements<Func<JsonNode?>>(() => new JsonObject(), () => "text", () => 5, () => new JsonObject { ["noSuchField"] = 1 }).Select(f => f()),
            "INPUT_OBJECT" => Gen.Elements<Func<JsonNode?>>(() => "text", () => 5, () => new JsonObject { ["noSuchField"] = 1 }).Select(f => f()),
            _ => type.Name switch
            {
                "Int" => Gen.Elements<JsonNode?>("12", 1.5, 2147483648L, -2147483649L, true, "x"),
                "Float" => Gen.Elements<JsonNode?>("1.5", true, "NaN"),
                "Boolean" => Gen.Elements<JsonNode?>("true", 1, 0),
                "ID" => Gen.Elements<JsonNode?>(true, 1.5),
                _ => Gen.Elements<JsonNode?>(true, false),
            },
        });
        return Gen.OneOf(wrongKinds);
    }

    /// <summary>
    /// Valid documents, including mutations of the real meeting and dialogue, whose variables or operation
    /// name are certainly refused: at least one variable of a wrong type, variables that are not an object, or
    /// an operation the document does not have. They must be refused before anything runs.
    /// </summary>
    public Gen<FuzzRequest> Variables =>
        from template in Gen.Elements(Templates.ToArray())
        from refusedAt in Gen.Choose(0, template.Variables.Count - 1)
        from values in Gen.CollectToArray(template.Variables.Select((v, i) => i == refusedAt
            ? Refused(v.Type)
            : Gen.Frequency((6, Plausible(v.Name, v.Type, 3)), (1, Refused(v.Type)), (1, Gen.Constant<JsonNode?>(null)))))
        from omit in Gen.Elements(true, false, false)
        from how in Gen.Choose(0, 9)
        from sender in Senders
        let variables = new JsonObject(template.Variables.Select((v, i) => KeyValuePair.Create<string, JsonNode?>(v.Name, values[i]))
            .Where((pair, i) => !(omit && i == refusedAt && template.Variables[i].Type.IsNonNull)))
        select FuzzRequest.Json("variables", sender, how switch
        {
            0 => new JsonObject { ["query"] = template.Document, ["variables"] = JsonValue.Create("not an object") },
            1 => new JsonObject { ["query"] = template.Document, ["variables"] = new JsonArray(variables.DeepClone()) },
            2 => new JsonObject { ["query"] = template.Document, ["variables"] = variables.DeepClone(), ["operationName"] = "NoSuchOperation" },
            3 => new JsonObject { ["query"] = template.Document, ["variables"] = 42 },
            _ => new JsonObject { ["query"] = template.Document, ["variables"] = variables.DeepClone(), ["operationName"] = how == 4 ? "Fuzz" : null },
        }, Expectation.RefusedBeforeExecution);

    /// <summary>
    /// Well-typed mutations of the real dialogue and meeting that carry a stale <c>expectedVersion</c>: they
    /// run, and each must be refused (CONFLICT, or an earlier check) rather than change anything.
    /// </summary>
    public Gen<FuzzRequest> StaleVersions
    {
        get
        {
            var versioned = _schema.Mutations.Where(m => m.Arguments.Any(a => a.Name == "expectedVersion" && a.Type.IsNonNull)).ToArray();
            return from mutation in Gen.Elements(versioned)
                   from values in Gen.CollectToArray(mutation.Arguments.Select(a => a.Name == "expectedVersion"
                       ? Gen.Elements<JsonNode?>(-1, 100_000, int.MaxValue, int.MinValue)
                       : Plausible(a.Name, a.Type, 3)))
                   from sender in Gen.Elements(Sender.Administrator, Sender.Participant)
                   let selection = _schema.Selection(mutation.Type, 1)
                   let document = $"mutation Fuzz({string.Join(", ", mutation.Arguments.Select(a => $"${a.Name}: {a.Type}"))}) {{ {mutation.Name}({string.Join(", ", mutation.Arguments.Select(a => $"{a.Name}: ${a.Name}"))})"
                       + (selection.Length > 0 ? $" {{ {selection} }}" : "") + " }"
                   select FuzzRequest.Json("stale version", sender, new JsonObject
                   {
                       ["query"] = document,
                       ["variables"] = new JsonObject(mutation.Arguments.Select((a, i) => KeyValuePair.Create<string, JsonNode?>(a.Name, values[i]))),
                   }, Expectation.RefusedWhenRun);
        }
    }

    /// <summary>Bodies that are not GraphQL requests in JSON, other media types, other methods, and GETs with what GET may not carry.</summary>
    public Gen<FuzzRequest> Envelopes
    {
        get
        {
            const string valid = "{\"query\": \"{ viewer { isAdministrator } }\"}";
            var rawBodies = Gen.OneOf(
                Gen.Elements(
                    "", " ", "null", "[]", "[1, 2]", "\"{ viewer { isAdministrator } }\"", "42", "true", "{", "}", "{\"query\"", "{\"query\": }",
                    "{\"query\": 42}", "{\"query\": [\"{ setupRequired }\"]}", "{\"query\": {}}", "{\"query\": null}", "{\"query\": \"{ setupRequired }\", \"operationName\": 5}",
                    "{\"query\": \"{ setupRequired }\", \"extensions\": \"x\"}", "{\"query\": \"{ setupRequired }\", \"extensions\": [1]}", "{\"query\": \"{ setupRequired }\", \"query\": \"{ viewer { isAdministrator } }\"}",
                    "{\"query\": \"{ setupRequired }\"} trailing", "{\"query\": \"{ setupRequired }\",}", "{'query': '{ setupRequired }'}", "{\"query\": \"\\ud800\"}",
                    "{\"query\": \"{ dialogue(key: \\\"\\udfff\\\") { key } }\"}", "{\"query\": \"{ setupRequired }\", \"variables\": {\"a\": 1e400}}", "{\"query\": \"\\u0000\"}",
                    "\uFEFF" + valid, "{\"query\": \"{ setupRequired }\" /* comment */}", "{\"query\": \"{ setupRequired }\", \"variables\": null, \"operationName\": null, \"extensions\": null}")
                    .Select(Encoding.UTF8.GetBytes),
                Gen.Choose(1, valid.Length - 1).Select(n => Encoding.UTF8.GetBytes(valid[..n])),
                Gen.Choose(65, 3000).Select(n => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", n)) + string.Concat(Enumerable.Repeat("]", n)))),
                Gen.Choose(65, 3000).Select(n => Encoding.UTF8.GetBytes("{\"query\": \"{ setupRequired }\", \"variables\": " + string.Concat(Enumerable.Repeat("{\"a\": ", n)) + "1" + new string('}', n + 1))),
                Gen.Elements<byte[]>([0xFF, 0xFE], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x00])
                    .SelectMany(bad => Gen.Elements<Func<byte[], byte[]>>(
                        b => [.. b],
                        b => [.. Encoding.UTF8.GetBytes("{\"query\": \"{ dialogue(key: \\\""), .. b, .. Encoding.UTF8.GetBytes("\\\") { key } }\"}")],
                        b => [.. Encoding.UTF8.GetBytes("{\"query\": \"{ setupRequired }\", \"variables\": {\""), .. b, .. Encoding.UTF8.GetBytes("\": 1}}")]).Select(f => f(bad))),
                Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
                Gen.Choose(128 * 1024 - 64, 128 * 1024 + 64).Select(n => Encoding.UTF8.GetBytes("{\"query\": \"{ setupRequired }\", \"variables\": {\"pad\": \"" + new string('x', n) + "\"}}")));
            var contentTypes = Gen.Elements<string?>(
                "application/json", "application/json", "application/json; charset=utf-8", "application/JSON", "application/json; charset=utf-16", "application/json; charset=nonsense",
                "application/graphql", "application/graphql-response+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
                "application/", "json", "*/*", "", null);
            var posts =
                from body in rawBodies
                from contentType in contentTypes
                from sender in Senders
                select new FuzzRequest("envelope", sender, "POST", contentType, body, null, Expectation.NoServerError);
            var gets =
                from document in Gen.OneOf(Gen.Elements<string?>(null, "", " ", "mutation { setupRequired }", "{ setupRequired }"), MutationOnNothing.Select(d => (string?)d), Document.Select(d => (string?)d))
                from variables in Gen.Elements<string?>(null, "", "x", "[1]", "null", "{\"a\":", "{}", "{\"k\": 1}", "%ZZ")
                from extra in Gen.Elements("", "&query=%7B%20setupRequired%20%7D", "&operationName=Nope", "&extensions=5", "&extensions=%7B", "&query", "&&&")
                from sender in Senders
                select new FuzzRequest("envelope (GET)", sender, "GET", null, null,
                    (document is null ? "" : "query=" + Uri.EscapeDataString(document)) + (variables is null ? "" : "&variables=" + (variables == "%ZZ" ? variables : Uri.EscapeDataString(variables))) + extra,
                    Expectation.NoServerError);
            var otherMethods =
                from method in Gen.Elements("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FUZZ")
                from sender in Senders
                select new FuzzRequest("envelope (method)", sender, method, "application/json", Encoding.UTF8.GetBytes(valid), null, Expectation.NoServerError);
            return Gen.Frequency((6, posts), (3, gets), (1, otherMethods));
        }
    }
}
