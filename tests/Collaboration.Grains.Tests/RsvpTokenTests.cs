using Collaboration.Mail;

namespace Collaboration.Grains.Tests;

public sealed class RsvpTokenTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signed_token_names_its_meeting_and_person_until_it_expires()
    {
        var token = RsvpToken.Sign(Key, "mtm/meeting-1", "person-1", Now.AddDays(3));

        Assert.Equal(("mtm/meeting-1", "person-1"), RsvpToken.Verify(Key, token, Now));
        Assert.Equal(ErrorCode.Unauthenticated, Assert.Throws<CollaborationException>(() => RsvpToken.Verify(Key, token, Now.AddDays(4))).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void A_damaged_token_is_refused(string? token) =>
        Assert.Equal(ErrorCode.Unauthenticated, Assert.Throws<CollaborationException>(() => RsvpToken.Verify(Key, token, Now)).Code);

    [Fact]
    public void A_forged_or_altered_token_is_refused()
    {
        var token = RsvpToken.Sign(Key, "mtm/meeting-1", "person-1", Now.AddDays(3));
        var other = RsvpToken.Sign([.. Key.Reverse()], "mtm/meeting-1", "person-2", Now.AddDays(3));
        var swapped = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Contains("forged", Assert.Throws<CollaborationException>(() => RsvpToken.Verify(Key, other, Now)).Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.Unauthenticated, Assert.Throws<CollaborationException>(() => RsvpToken.Verify(Key, swapped, Now)).Code);
    }
}
