namespace Collaboration;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; when the write fails, reloads what storage holds so memory never keeps a change
    /// that was not stored, and lets the failure reach the caller.
    /// </summary>
    public static async Task WriteOrForgetAsync<T>(this IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
