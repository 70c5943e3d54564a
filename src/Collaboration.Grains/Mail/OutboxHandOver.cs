namespace Collaboration.Mail;

/// <summary>
/// Hands messages a grain wrote with its state (its pending mail) to the outbox, then forgets them with a
/// second write. Enqueuing is idempotent, so a hand-over cut short is simply repeated at the next chance.
/// </summary>
public static class OutboxHandOver
{
    /// <summary>Answers null when everything was handed over, else why not (the messages stay pending).</summary>
    public static async Task<Exception?> TryAsync(IGrainFactory grains, List<OutboxItem> pending, Func<Task> writeState)
    {
        if (pending.Count == 0)
            return null;
        try
        {
            foreach (var item in pending)
                await grains.GetGrain<IOutboxGrain>(item.Id).EnqueueAsync(item);
            pending.Clear();
            await writeState();
            return null;
        }
        catch (Exception e) when (e is not CollaborationException)
        {
            return e;
        }
    }
}
