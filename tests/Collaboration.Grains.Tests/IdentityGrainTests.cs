using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdentityGrainTests(ClusterFixture fixture)
{
    private static string NewHash() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task A_sign_in_link_is_redeemed_once()
    {
        var link = fixture.Grains.GetGrain<ICredentialGrain>(NewHash());
        await link.IssueAsync(new CredentialGrant(CredentialKind.SignInLink, "person-1", ClusterFixture.Clock.GetUtcNow().AddMinutes(15)));

        Assert.Equal("person-1", (await link.RedeemAsync()).PersonId);
        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(link.RedeemAsync));
    }

    [Fact]
    public async Task A_sign_in_link_expires()
    {
        var link = fixture.Grains.GetGrain<ICredentialGrain>(NewHash());
        await link.IssueAsync(new CredentialGrant(CredentialKind.SignInLink, "person-1", ClusterFixture.Clock.GetUtcNow().AddMinutes(15)));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(link.RedeemAsync));
    }

    [Fact]
    public async Task An_unknown_link_or_a_session_is_not_redeemable()
    {
        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(fixture.Grains.GetGrain<ICredentialGrain>(NewHash()).RedeemAsync));

        var session = fixture.Grains.GetGrain<ICredentialGrain>(NewHash());
        await session.IssueAsync(new CredentialGrant(CredentialKind.Session, "person-1", ClusterFixture.Clock.GetUtcNow().AddDays(1)));
        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(session.RedeemAsync));
    }

    [Fact]
    public async Task A_session_is_valid_until_revoked_and_only_as_a_session()
    {
        var session = fixture.Grains.GetGrain<ICredentialGrain>(NewHash());
        await session.IssueAsync(new CredentialGrant(CredentialKind.Session, "person-2", ClusterFixture.Clock.GetUtcNow().AddDays(14)));

        Assert.Equal("person-2", (await session.ValidateAsync(CredentialKind.Session))?.PersonId);
        Assert.Null(await session.ValidateAsync(CredentialKind.AccessToken));
        await session.RevokeAsync();
        Assert.Null(await session.ValidateAsync(CredentialKind.Session));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() =>
            session.IssueAsync(new CredentialGrant(CredentialKind.Session, "someone-else", ClusterFixture.Clock.GetUtcNow().AddDays(1)))));
    }

    [Fact]
    public async Task An_account_makes_one_person_however_often_it_is_asked()
    {
        var email = NewEmail();
        var account = fixture.Grains.GetGrain<IAccountGrain>(email);

        var first = await account.EnsurePersonAsync(Profile(email, "First"), isAdministrator: false);
        var second = await account.EnsurePersonAsync(Profile(email, "Second"), isAdministrator: false);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("First", second.Profile.Name);
        Assert.Equal(first.Id, await account.FindPersonAsync());
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => account.EnsurePersonAsync(Profile(NewEmail()), false)));
    }

    [Fact]
    public async Task Access_tokens_are_listed_to_their_owner_only_and_revoked_for_good()
    {
        var person = await fixture.Grains.GetGrain<IAccountGrain>(NewEmail() is var e ? e : "").EnsurePersonAsync(Profile(e), false);
        var owner = new Caller(person.Id, false);
        var grain = fixture.Grains.GetGrain<IPersonGrain>(person.Id);
        var hash = NewHash();
        var expires = ClusterFixture.Clock.GetUtcNow().AddDays(30);
        var listed = await grain.AddAccessTokenAsync(owner, "deploy script", hash, expires);
        var credential = fixture.Grains.GetGrain<ICredentialGrain>(hash);
        await credential.IssueAsync(new CredentialGrant(CredentialKind.AccessToken, person.Id, expires, listed.Id));

        Assert.Equal("deploy script", Assert.Single(await grain.GetAccessTokensAsync(owner)).Name);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => grain.GetAccessTokensAsync(new Caller("other", true))));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => grain.RevokeAccessTokenAsync(owner, "no-such-token")));

        await grain.RevokeAccessTokenAsync(owner, listed.Id);

        Assert.Empty(await grain.GetAccessTokensAsync(owner));
        Assert.Null(await credential.ValidateAsync(CredentialKind.AccessToken));
    }

    [Fact]
    public async Task Setup_makes_one_administrator_with_any_of_the_last_five_links_printed()
    {
        var setup = fixture.Grains.GetGrain<ISetupGrain>(Random.Shared.NextInt64(1_000, long.MaxValue));
        var hashes = Enumerable.Range(0, 7).Select(_ => NewHash()).ToList();
        foreach (var hash in hashes)
            await setup.OpenAsync(hash); // e.g. seven silo starts, each printing a link

        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(() => setup.CompleteAsync(hashes[1], Profile())));
        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(() => setup.CompleteAsync(NewHash(), Profile())));
        Assert.False(await setup.IsCompleteAsync());

        var email = NewEmail();
        var administrator = await setup.CompleteAsync(hashes[2], Profile(email));
        Assert.True(await setup.IsCompleteAsync());
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(administrator).FindAsync())!.IsAdministrator);
        Assert.Equal(ErrorCode.Unauthenticated, await RefusalOf(() => setup.CompleteAsync(hashes[6], Profile())));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => setup.OpenAsync(NewHash())));
    }

    [Fact]
    public async Task Presence_counts_each_connection_once_and_note_takers_apart()
    {
        var presence = fixture.Grains.GetGrain<IMeetingPresenceGrain>("mtm/" + Guid.NewGuid());

        Assert.Equal(new Presence(1, 1), await presence.JoinAsync("a", noteTaker: true));
        Assert.Equal(new Presence(1, 1), await presence.JoinAsync("a", noteTaker: true));
        Assert.Equal(new Presence(2, 1), await presence.JoinAsync("b", noteTaker: false));
        Assert.Equal(new Presence(1, 0), await presence.LeaveAsync("a"));
        Assert.Equal(new Presence(1, 0), await presence.LeaveAsync("a"));
        Assert.Equal(new Presence(1, 0), await presence.GetAsync());
    }

    [Fact]
    public async Task An_address_gets_at_most_five_sign_in_links_an_hour()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>(NewEmail());

        for (var i = 0; i < 5; i++)
            Assert.True(await account.AllowSignInLinkAsync());
        Assert.False(await account.AllowSignInLinkAsync());

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await account.AllowSignInLinkAsync());
    }
}
