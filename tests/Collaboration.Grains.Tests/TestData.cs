namespace Collaboration.Grains.Tests;

internal static class TestData
{
    public static readonly Caller Administrator = new("admin-" + Guid.NewGuid().ToString("N"), IsAdministrator: true);

    public static string NewKey() => "d" + Guid.NewGuid().ToString("N")[..12];

    public static string NewEmail() => $"p{Guid.NewGuid():N}@example.org";

    public static DialogueSettings Settings(string name = "Test Dialogue") =>
        new(name, ["ar", "en", "fr"], ["European", "Arab", "African"]);

    public static PersonProfile Profile(string? email = null, string name = "Test Person") =>
        new(name, email ?? NewEmail(), "en");

    public static async Task<ErrorCode> RefusalOf(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<CollaborationException>(call);
        return e.Code;
    }
}
