using FsCheck;
using FsCheck.Fluent;
using Collaboration.Server.Hubs;

namespace Collaboration.Server.Tests;

/// <summary>Who makes a fuzzed hub call.</summary>
public enum HubCaller
{
    /// <summary>The administrator: secretariat of every dialogue, so a note-taker of every meeting.</summary>
    Administrator,

    /// <summary>An accepted participant: follows the meeting's notes, may not write them, may not see the draft.</summary>
    Participant,

    /// <summary>A member of the dialogue not invited to the meeting: it does not exist for them.</summary>
    Outsider,

    /// <summary>A co-chair: takes the notes, so every call made as them is built to be refused.</summary>
    NoteTaker,
}

/// <summary>One generated hub invocation: a method name (real or not) and arguments as JSON values.</summary>
public sealed record HubCall(HubCaller Caller, string Method, JsonNode?[] Arguments)
{
    public override string ToString()
    {
        var arguments = string.Join(", ", Arguments.Select(a => a?.ToJsonString() ?? "null"));
        return $"{Caller}: {Method}({(arguments.Length > 600 ? arguments[..600] + $"… ({arguments.Length} chars)" : arguments)})";
    }
}

/// <summary>
/// Generators of hub calls that must be refused: wrong argument counts and kinds, unknown methods, ids that
/// are malformed or name meetings that do not exist or that the caller may not see, and, for a note-taker,
/// entries, edits and deletions that fail a rule (no client id, no such session or entry, a stale version,
/// text that is empty, too long or holds control characters).
/// </summary>
public sealed class InvalidHubCalls(FuzzWorld world)
{
    private static readonly string[] Methods =
    [
        nameof(NotesHub.JoinMeeting), nameof(NotesHub.LeaveMeeting), nameof(NotesHub.GetPresence), nameof(NotesHub.AppendEntry), nameof(NotesHub.EditEntry),
        nameof(NotesHub.DeleteEntry), nameof(NotesHub.StartEditing), nameof(NotesHub.StopEditing), nameof(NotesHub.CheckEntry), nameof(NotesHub.ReviewEntry),
        nameof(NotesHub.CloseSession), nameof(NotesHub.ReopenSession), nameof(NotesHub.ApproveNotes), nameof(NotesHub.ReopenNotes),
    ];

    /// <summary>Names no client may invoke (the empty name is left out: the client library itself refuses it).</summary>
    private static readonly string[] UnknownMethods =
        [" ", "NoSuchMethod", "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", "ToString", "GetType", "Clients", "Joined", "Refusing", "CheckId", "JoinMeeting ", "Join Meeting", "join_meeting", "\u0000", "👩🏽‍🚀"];

    /// <summary>Meeting ids the caller cannot use: malformed, or naming a meeting or dialogue that does not exist.</summary>
    private Gen<JsonNode?> NoSuchMeeting => Gen.Elements<JsonNode?>(
        "", "/", " /x", "\t/ ", "no-slash", "/meeting", "dialogue/", "a/b/c", world.DialogueKey + "/no-such-meeting", "no-such-dialogue/meeting", world.DialogueKey + "/" + new string('m', 120),
        world.DialogueKey + "/\u0000", "\uD83D\uDC69/\u00e9", world.DialogueKey.ToUpperInvariant() + "/x", " " + world.MeetingId, world.MeetingId + " ", world.MeetingId.Replace('/', '\\'));

    private static Gen<JsonNode?> Scalars => Gen.OneOf(
        Gen.Elements<JsonNode?>(null, true, false, 0, -1, 1, 2, 3, int.MaxValue, long.MaxValue, long.MinValue, 1.5, -0.0, double.MaxValue, "", " ", "1", "-1", "true",
            "null", Guid.Empty.ToString(), Guid.NewGuid().ToString(), "not-a-guid", "\t", "\u0007bell", "مالطا", "\uFFFF"),
        Gen.Choose(1, 12_000).Select(n => (JsonNode?)new string('z', n)),
        Gen.Choose(-5, 10).Select(n => (JsonNode?)(long)n));

    private static Gen<JsonNode?> Structures => Gen.Elements<Func<JsonNode?>>(
        () => new JsonObject(), () => new JsonArray(), () => new JsonArray(1, "two", null),
        () => new JsonObject { ["meetingId"] = "x/y", ["seq"] = 1 }, () => new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray(new JsonArray(new JsonArray())) } })
        .Select(f => f());

    private Gen<JsonNode?> AnyValue => Gen.Frequency((4, Scalars), (2, Structures), (2, NoSuchMeeting));

    private static Gen<string> Method => Gen.Frequency(
        (8, Gen.Elements(Methods)),
        (2, Gen.Elements(Methods).SelectMany(m => Gen.Elements(m.ToLowerInvariant(), m.ToUpperInvariant()))),
        (2, Gen.Elements(UnknownMethods)));

    /// <summary>
    /// The meeting a call names. The open meeting only for callers who may not write its notes; the draft only
    /// for the participant, who may not see it.
    /// </summary>
    private Gen<JsonNode?> TargetFor(HubCaller caller) => caller switch
    {
        HubCaller.Participant => Gen.Frequency((3, NoSuchMeeting), (2, Gen.Constant<JsonNode?>(world.MeetingId)), (2, Gen.Constant<JsonNode?>(world.DraftMeetingId))),
        _ => Gen.Frequency((3, NoSuchMeeting), (2, Gen.Constant<JsonNode?>(world.MeetingId))),
    };

    /// <summary>Values of the kinds the hub's parameters take, for calls that bind and reach the hub.</summary>
    private Gen<JsonNode?> ValueOf(Type parameter, HubCaller caller) =>
        parameter == typeof(string) ? Gen.Frequency((3, TargetFor(caller)), (1, Gen.Elements<JsonNode?>(null, "", "no-such-session", "\u0000", "مالطا")), (1, Gen.Choose(1, 9_000).Select(n => (JsonNode?)new string('s', n))))
        : parameter == typeof(long) ? Gen.Elements<JsonNode?>(0L, -1L, 1L, 2L, 3L, 4L, long.MaxValue, long.MinValue)
        : parameter == typeof(int) ? Gen.Elements<JsonNode?>(0, -1, 1, 2, 3, int.MaxValue, int.MinValue)
        : parameter == typeof(Guid) ? Gen.Elements<JsonNode?>(Guid.Empty.ToString(), "6f9619ff-8b86-d011-b42d-00c04fc964ff", "{6f9619ff-8b86-d011-b42d-00c04fc964ff}")
        : parameter == typeof(bool) ? Gen.Elements<JsonNode?>(true, false)
        : throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "The hub takes no parameter of this type.");

    /// <summary>Calls that match a hub method's parameters in number and kind, so the hub's own checks answer them.</summary>
    private Gen<HubCall> TypedCalls(HubCaller caller) =>
        from method in Gen.Elements(typeof(NotesHub).GetMethods().Where(m => Methods.Contains(m.Name)).ToArray())
        from arguments in Gen.CollectToArray(method.GetParameters().Select((p, i) => i == 0 ? TargetFor(caller) : ValueOf(p.ParameterType, caller)))
        select new HubCall(caller, method.Name, arguments);

    /// <summary>Calls with any method name and arguments of any kind, as many as the method takes or not.</summary>
    private Gen<HubCall> UntypedCalls(HubCaller caller) =>
        from method in Method
        from target in Gen.Frequency((5, TargetFor(caller)), (1, AnyValue))
        from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 4)), (1, Gen.Choose(5, 8)))
        from rest in Gen.ArrayOf(AnyValue, Math.Max(0, count - 1))
        select new HubCall(caller, method, count == 0 ? [] : [target, .. rest]);

    /// <summary>Calls by callers who may not write the notes: whatever they send is refused or changes nothing.</summary>
    private Gen<HubCall> NonWriterCalls =>
        from caller in Gen.Elements(HubCaller.Participant, HubCaller.Outsider)
        from call in Gen.OneOf(TypedCalls(caller), UntypedCalls(caller))
        select call;

    private static Gen<JsonNode?> InvalidText => Gen.OneOf(
        Gen.Elements<JsonNode?>(null, "", " ", "\n\t ", "before\u0000after", "a\u0007b", "\u001b[31mred"),
        Gen.Choose(Collaboration.Notes.NotesGrain.MaxTextLength + 1, Collaboration.Notes.NotesGrain.MaxTextLength + 3000).Select(n => (JsonNode?)new string('n', n)));

    private static Gen<JsonNode?> Text => Gen.OneOf(InvalidText, Gen.Elements<JsonNode?>("A participant noted the routes.", "The delegate of Italy said so."));

    private Gen<JsonNode?> Session => Gen.Elements<JsonNode?>([.. world.SessionIds, "no-such-session", "", null, world.SessionIds[0].ToUpperInvariant(), " " + world.SessionIds[0]]);

    private static bool IsRealSession(JsonNode? session, IReadOnlyList<string> sessions) => session?.GetValue<string>() is { } s && sessions.Contains(s);

    /// <summary>An entry and version the notes do not have: no such entry, or a version other than the entry's (entries 1 to 3 are at versions 1, 2, 2).</summary>
    private static Gen<(long Seq, int Version)> StaleOrMissing => Gen.OneOf(
        from seq in Gen.Elements(0L, -1L, 4L, 5L, long.MaxValue, long.MinValue, int.MaxValue + 1L)
        from version in Gen.Elements(0, 1, 2, -1, int.MaxValue)
        select (seq, version),
        from seq in Gen.Elements(1L, 2L, 3L)
        from version in Gen.Elements(0, -1, 3, 4, 99, int.MaxValue, int.MinValue)
        select (seq, version));

    /// <summary>A note-taker's calls on the open meeting, each breaking at least one rule, sometimes with an argument of the wrong kind or count on top.</summary>
    private Gen<HubCall> WriterCalls(HubCaller writer)
    {
        {
            var id = (JsonNode?)world.MeetingId;
            var append =
                from clientId in Gen.Elements<JsonNode?>(Guid.Empty.ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString())
                from session in Session
                from text in Text
                from invalidText in InvalidText
                // Whatever else is drawn, one rule is broken: no client id, no such session, or (else) the text.
                let broken = clientId!.GetValue<string>() == Guid.Empty.ToString() || !IsRealSession(session, world.SessionIds)
                from notAttribution in Gen.Elements<JsonNode?>(true, false)
                select new HubCall(writer, nameof(NotesHub.AppendEntry), [id, clientId, session, broken ? text : invalidText, notAttribution]);
            var edit =
                from entry in StaleOrMissing
                from text in Text
                from notAttribution in Gen.Elements<JsonNode?>(true, false)
                select new HubCall(writer, nameof(NotesHub.EditEntry), [id, entry.Seq, entry.Version, text, notAttribution]);
            var editInvalidText =
                from entry in Gen.Elements((1L, 1), (2L, 2))
                from text in InvalidText
                select new HubCall(writer, nameof(NotesHub.EditEntry), [id, entry.Item1, entry.Item2, text, (JsonNode?)false]);
            var delete =
                from entry in StaleOrMissing
                select new HubCall(writer, nameof(NotesHub.DeleteEntry), [id, entry.Seq, entry.Version]);
            var editing =
                from method in Gen.Elements(nameof(NotesHub.StartEditing), nameof(NotesHub.StopEditing))
                from seq in Gen.Elements(0L, -1L, 4L, long.MaxValue, long.MinValue)
                select new HubCall(writer, method, [id, seq]);
            // Any method on a meeting that does not exist (TargetFor gives the note-taker no other when the open one is left out).
            var elsewhere =
                from call in TypedCalls(writer)
                from target in NoSuchMeeting
                select call with { Arguments = [target, .. call.Arguments[1..]] };
            var refused = Gen.Frequency((3, append), (2, edit), (1, editInvalidText), (2, delete), (1, editing), (2, elsewhere));
            return from call in refused
                   from mangle in Gen.Choose(0, 7)
                   from at in Gen.Choose(0, call.Arguments.Length - 1)
                   from wrong in Structures
                   select mangle switch
                   {
                       // An argument of a kind no parameter binds (an object or array), one argument too few, or one too many.
                       0 => call with { Arguments = [.. call.Arguments[..at], wrong, .. call.Arguments[(at + 1)..]] },
                       1 => call with { Arguments = call.Arguments[..^1] },
                       2 => call with { Arguments = [.. call.Arguments, "extra"] },
                       _ => call,
                   };
        }
    }

    public Gen<HubCall> Calls => Gen.Frequency((3, NonWriterCalls), (2, WriterCalls(HubCaller.NoteTaker)), (1, WriterCalls(HubCaller.Administrator)));
}
