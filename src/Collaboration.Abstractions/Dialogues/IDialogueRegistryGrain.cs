namespace Collaboration.Dialogues;

/// <summary>The keys of every dialogue of the installation (a single grain, key 0).</summary>
[Alias("collaboration.dialogue-registry")]
public interface IDialogueRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a key before its dialogue is written, so no dialogue exists unlisted. Idempotent.</summary>
    [Alias("register")]
    Task RegisterAsync(string key);

    /// <summary>Every registered key, in order.</summary>
    [Alias("keys")]
    Task<IReadOnlyList<string>> GetKeysAsync();
}
