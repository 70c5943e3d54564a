namespace Collaboration.Dialogues;

/// <summary>How the grains of a dialogue's things read its directory.</summary>
public static class DialogueDirectory
{
    /// <summary>
    /// The dialogue's directory for one of its members or an administrator. To anyone else the dialogue does
    /// not exist (NOT_FOUND), so nothing it holds can be probed from outside, not even by trying to create.
    /// </summary>
    public static async Task<DialogueView> ForMemberAsync(this IGrainFactory grains, string dialogueKey, Caller caller)
    {
        var directory = await grains.GetGrain<IDialogueGrain>(dialogueKey).GetDirectoryAsync();
        if (directory is null || !(caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId)))
            throw CollaborationException.NotFound($"There is no dialogue '{dialogueKey}'.");
        return directory;
    }
}
