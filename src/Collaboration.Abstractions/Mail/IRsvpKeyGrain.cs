namespace Collaboration.Mail;

/// <summary>
/// The installation's secret for signing RSVP links (a single grain, key 0): made once at random and kept
/// in storage, so links stay valid across restarts and on every silo.
/// </summary>
[Alias("collaboration.rsvp-key")]
public interface IRsvpKeyGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<byte[]> GetKeyAsync();
}
