namespace Collaboration.Dialogues;

[GenerateSerializer, Alias("collaboration.dialogue-registry-state")]
public sealed class DialogueRegistryState
{
    [Id(0)] public List<string> Keys { get; set; } = [];
}

/// <summary>The list of dialogue keys; registration is idempotent.</summary>
public sealed class DialogueRegistryGrain(
    [PersistentState("dialogue-registry", StorageNames.Grains)] IPersistentState<DialogueRegistryState> state)
    : Grain, IDialogueRegistryGrain
{
    public async Task RegisterAsync(string key)
    {
        var index = state.State.Keys.BinarySearch(key, StringComparer.Ordinal);
        if (index >= 0)
            return;
        state.State.Keys.Insert(~index, key);
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<string>> GetKeysAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Keys]);
}
