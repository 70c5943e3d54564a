namespace Collaboration.Dialogues;

/// <summary>
/// What a caller sees across the dialogues they belong to: the dialogues themselves and the meetings they
/// take part in. It holds no state (any silo answers) and no rule of its own beyond gathering: each dialogue
/// and each meeting catalog answers with its own rules, for the caller.
/// </summary>
[Alias("collaboration.across-dialogues")]
public interface IAcrossDialoguesGrain : IGrainWithIntegerKey
{
    /// <summary>The dialogues the caller is a member of (every dialogue for an administrator), in key order.</summary>
    [Alias("dialogues")]
    Task<IReadOnlyList<DialogueView>> GetDialoguesAsync(Caller caller);

    /// <summary>The person's membership of each dialogue they belong to, in key order.</summary>
    [Alias("memberships")]
    Task<IReadOnlyList<DialogueMembership>> GetMembershipsAsync(string personId);

    /// <summary>One page of the meetings the caller takes part in, across their dialogues, in list order.</summary>
    [Alias("my-meetings")]
    Task<MeetingPage> QueryMyMeetingsAsync(Caller caller, MeetingFilter filter, int first, string? after);
}

/// <summary>A person's membership of one dialogue.</summary>
[GenerateSerializer, Alias("collaboration.dialogue-membership")]
public sealed record DialogueMembership([property: Id(0)] string Key, [property: Id(1)] Membership Membership);
