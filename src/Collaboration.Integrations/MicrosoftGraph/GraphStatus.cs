namespace Collaboration.Integrations.MicrosoftGraph;

/// <summary>
/// How the last calls to Microsoft Graph went, for the health endpoint: a misconfiguration or a refused
/// credential shows there (and in the outbox) instead of blocking anything.
/// </summary>
public sealed class GraphStatus(TimeProvider clock)
{
    private readonly Lock gate = new();
    private (DateTimeOffset At, string? Problem)? last;

    public void Succeeded()
    {
        lock (gate)
            last = (clock.GetUtcNow(), null);
    }

    public void Failed(string problem)
    {
        lock (gate)
            last = (clock.GetUtcNow(), problem);
    }

    /// <summary>The last outcome: when, and what went wrong (null when it worked); null before any call.</summary>
    public (DateTimeOffset At, string? Problem)? Last
    {
        get
        {
            lock (gate)
                return last;
        }
    }
}
