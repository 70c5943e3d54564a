namespace Collaboration.Meetings;

/// <summary>
/// Busy times from outside the dialogue's own meetings (the calendar integration feeds it from Microsoft
/// Graph free/busy). The scheduling assistant asks every registered source.
/// </summary>
public interface IFreeBusySource
{
    Task<IReadOnlyList<BusyInterval>> GetBusyAsync(IReadOnlyList<string> personIds, DateTimeOffset from, DateTimeOffset to);
}
