namespace Collaboration.Dialogues;

/// <summary>What a dialogue grain stores.</summary>
[GenerateSerializer, Alias("collaboration.dialogue-state")]
public sealed class DialogueState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public DialogueSettings? Settings { get; set; }
    [Id(2)] public List<PartnerState> PartnerStates { get; set; } = [];
    [Id(3)] public List<Organisation> PartnerAgencies { get; set; } = [];
    [Id(4)] public List<Organisation> Observers { get; set; } = [];
    [Id(5)] public Dictionary<string, Membership> Members { get; set; } = [];
    [Id(6)] public int Version { get; set; }

    /// <summary>Each member's name as their profile gives it, for the notes' attribution guard (by person id).</summary>
    [Id(7)] public Dictionary<string, string> MemberNames { get; set; } = [];
}
