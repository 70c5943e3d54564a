using System.Text.Json.Nodes;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PersonalDataGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_person_exports_their_own_data_and_only_an_administrator_erases_them_confirmed_by_address()
    {
        var dialogues = new[] { NewKey(), NewKey() };
        foreach (var key in dialogues)
            await fixture.Grains.GetGrain<IDialogueGrain>(key).CreateAsync(Administrator, Settings());
        var email = NewEmail();
        foreach (var key in dialogues)
            await fixture.Grains.GetGrain<IDialogueGrain>(key).AddMemberAsync(Administrator, Profile(email, "Amal Haddad"), new Membership([DialogueRole.Secretariat]));
        var personId = (await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!;
        var personalData = fixture.Grains.GetGrain<IPersonalDataGrain>(0);

        // Their own export names both memberships, in the dialogues' key order; someone else's asking finds nobody.
        var export = JsonNode.Parse(await personalData.ExportAsync(new Caller(personId, false), personId))!;
        Assert.Equal("Amal Haddad", export["person"]!["profile"]!["name"]!.GetValue<string>());
        Assert.Equal(dialogues.Order(StringComparer.Ordinal), export["memberships"]!.AsArray().Select(m => m!["dialogue"]!.GetValue<string>()));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => personalData.ExportAsync(new Caller("someone-else", false), personId)));

        // Erasure: administrators only, with the person's address typed to confirm.
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => personalData.EraseAsync(new Caller(personId, false), personId, email)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => personalData.EraseAsync(Administrator, personId, "someone@example.org")));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => personalData.EraseAsync(Administrator, "no-such-person", email)));
        await personalData.EraseAsync(Administrator, personId, $" {email.ToUpperInvariant()} ");

        Assert.Null(await fixture.Grains.GetGrain<IPersonGrain>(personId).FindAsync());
        foreach (var key in dialogues)
            Assert.Null(await fixture.Grains.GetGrain<IDialogueGrain>(key).GetMembershipAsync(personId));
        Assert.Null(await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync());
    }
}
