namespace Collaboration.Dialogues;

/// <summary>
/// What the caller may do in a dialogue now, one flag per mutation (or group of mutations), answered by the
/// rules the grains apply when the mutation comes.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.dialogue-permissions")]
public sealed record DialoguePermissions(
    [property: Id(0)] bool Update,
    [property: Id(1)] bool ManageMembers,
    [property: Id(2)] bool ManagePartners,
    [property: Id(3)] bool ImportMembers,
    [property: Id(4)] bool CreateMeeting,
    [property: Id(5)] bool SuggestMeetingSlots,
    [property: Id(6)] bool CreateWorkingGroup,
    [property: Id(7)] bool CreateCity,
    [property: Id(8)] bool CreatePartnership,
    [property: Id(9)] bool RequestExchange,
    [property: Id(10)] bool ManageLibrary = false);
