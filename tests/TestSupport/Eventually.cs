namespace Collaboration.Tests;

/// <summary>Waits for something the server does a moment after it answered (the outbox, a sync).</summary>
public static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T?>> probe, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            await Task.Delay(100);
        }
    }
}
