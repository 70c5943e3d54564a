namespace Collaboration.Server.Tests;

/// <summary>Dialogues and their directory through GraphQL, with every refusal the issue names.</summary>
[Collection(ApiCollection.Name)]
public sealed class DirectoryApiTests(CollaborationFactory factory)
{
    private const string DialogueFields = "key name version partnerStates { code name yearJoined regionalGroup } partnerAgencies { key } observers { key } members { personId roles person { email } }";

    private async Task<string> NewDialogueAsync()
    {
        var key = "d" + Guid.NewGuid().ToString("N")[..12];
        (await factory.Administrator().GraphQLAsync(
            "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Test dialogue\", workingLanguages: [\"ar\", \"en\", \"fr\"], regionalGroups: [\"European\", \"Arab\", \"African\"] }) { key } }",
            new { k = key })).EnsureNoErrors();
        return key;
    }

    private async Task<string> AddMemberAsync(string key, string roles, string? state = null, string? organisation = null)
    {
        var email = $"m-{Guid.NewGuid():N}@example.org";
        (await factory.Administrator().GraphQLAsync(
            $"mutation($k: String!, $e: String!, $s: String, $o: String) {{ addMember(key: $k, person: {{ name: \"Member\", email: $e }}, membership: {{ roles: [{roles}], partnerStateCode: $s, organisationKey: $o }}) {{ version }} }}",
            new { k = key, e = email, s = state, o = organisation })).EnsureNoErrors();
        return email;
    }

    private async Task<JsonNode> ReadAsync(string key) =>
        (await factory.Administrator().GraphQLAsync($"query($k: String!) {{ dialogue(key: $k) {{ {DialogueFields} }} }}", new { k = key })).EnsureNoErrors().Data("dialogue");

    private static Task<GraphQLResponse> AddStateAsync(HttpClient client, string key, string code, string name = "Morocco", string group = "Arab", int? year = 2002) =>
        client.GraphQLAsync(
            "mutation($k: String!, $s: PartnerStateInput!) { addPartnerState(key: $k, partnerState: $s) { version partnerStates { code } } }",
            new { k = key, s = new { code, name, yearJoined = year, regionalGroup = group } });

    [Fact]
    public async Task The_secretariat_builds_the_directory_and_reads_it_back()
    {
        var key = await NewDialogueAsync();
        var admin = factory.Administrator();

        (await AddStateAsync(admin, key, "ma")).EnsureNoErrors();
        (await admin.GraphQLAsync("mutation($k: String!) { addPartnerAgency(key: $k, organisation: { key: \"unhcr\", name: \"UNHCR\", acronym: \"UNHCR\", yearJoined: 2008 }) { version } }", new { k = key })).EnsureNoErrors();
        (await admin.GraphQLAsync("mutation($k: String!) { addObserver(key: $k, organisation: { key: \"las\", name: \"League of Arab States\" }) { version } }", new { k = key })).EnsureNoErrors();
        var focalPoint = await AddMemberAsync(key, "FOCAL_POINT, DELEGATE", state: "MA");

        var dialogue = await ReadAsync(key);
        Assert.Equal("""[{"code":"MA","name":"Morocco","yearJoined":2002,"regionalGroup":"Arab"}]""", dialogue["partnerStates"]!.ToJsonString());
        Assert.Equal("unhcr", dialogue["partnerAgencies"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("las", dialogue["observers"]![0]!["key"]!.GetValue<string>());
        var member = dialogue["members"]!.AsArray().Single(m => m!["person"]!["email"]!.GetValue<string>() == focalPoint)!;
        Assert.Equal("""["FOCAL_POINT","DELEGATE"]""", member["roles"]!.ToJsonString());
        Assert.Equal(5, dialogue["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_dialogue_is_NOT_FOUND()
    {
        Assert.Equal("NOT_FOUND", (await factory.Administrator().GraphQLAsync("{ dialogue(key: \"no-such-dialogue\") { key } }")).Code);
        Assert.Equal("NOT_FOUND", (await AddStateAsync(factory.Administrator(), "no-such-dialogue", "MA")).Code);
    }

    [Fact]
    public async Task A_duplicate_state_code_is_a_CONFLICT_and_changes_nothing()
    {
        var key = await NewDialogueAsync();
        (await AddStateAsync(factory.Administrator(), key, "MA")).EnsureNoErrors();
        var before = await ReadAsync(key);

        var response = await AddStateAsync(factory.Administrator(), key, "ma", "Maroc");

        Assert.Equal("CONFLICT", response.Code);
        Assert.Equal(before.ToJsonString(), (await ReadAsync(key)).ToJsonString());
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("MAR")]
    [InlineData("")]
    [InlineData("1A")]
    public async Task A_malformed_ISO_code_is_a_VALIDATION_error_and_changes_nothing(string code)
    {
        var key = await NewDialogueAsync();
        var before = await ReadAsync(key);

        var response = await AddStateAsync(factory.Administrator(), key, code);

        Assert.Equal("VALIDATION", response.Code);
        Assert.Equal("code", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), (await ReadAsync(key)).ToJsonString());
    }

    [Fact]
    public async Task A_malformed_member_address_is_a_VALIDATION_error_and_creates_nobody()
    {
        var key = await NewDialogueAsync();
        var before = await ReadAsync(key);

        var response = await factory.Administrator().GraphQLAsync(
            "mutation($k: String!) { addMember(key: $k, person: { name: \"X\", email: \"not-an-address\" }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = key });

        Assert.Equal("VALIDATION", response.Code);
        Assert.Equal(before.ToJsonString(), (await ReadAsync(key)).ToJsonString());
    }

    [Fact]
    public async Task A_member_outside_the_secretariat_may_read_but_not_change_the_directory()
    {
        var key = await NewDialogueAsync();
        (await AddStateAsync(factory.Administrator(), key, "MA")).EnsureNoErrors();
        var delegateClient = await factory.SignInAsync(await AddMemberAsync(key, "DELEGATE", state: "MA"));
        var before = await ReadAsync(key);

        var read = await delegateClient.GraphQLAsync("query($k: String!) { dialogue(key: $k) { partnerStates { code } viewerRoles } }", new { k = key });
        Assert.Equal("""{"partnerStates":[{"code":"MA"}],"viewerRoles":["DELEGATE"]}""", read.Data("dialogue").ToJsonString());

        Assert.Equal("FORBIDDEN", (await AddStateAsync(delegateClient, key, "TN", "Tunisia")).Code);
        Assert.Equal("FORBIDDEN", (await delegateClient.GraphQLAsync("mutation($k: String!) { addObserver(key: $k, organisation: { key: \"auc\", name: \"AUC\" }) { version } }", new { k = key })).Code);
        Assert.Equal(before.ToJsonString(), (await ReadAsync(key)).ToJsonString());
    }

    [Fact]
    public async Task A_dialogue_is_invisible_to_people_outside_it()
    {
        var key = await NewDialogueAsync();
        var other = await NewDialogueAsync();
        var outsider = await factory.SignInAsync(await AddMemberAsync(other, "SECRETARIAT"));

        Assert.Equal("NOT_FOUND", (await outsider.GraphQLAsync("query($k: String!) { dialogue(key: $k) { key } }", new { k = key })).Code);
        Assert.Equal("NOT_FOUND", (await AddStateAsync(outsider, key, "MA")).Code);
        var listed = await outsider.GraphQLAsync("{ dialogues { key } }");
        Assert.Equal($$"""[{"key":"{{other}}"}]""", listed.Data("dialogues").ToJsonString());
    }

    [Fact]
    public async Task No_credentials_is_UNAUTHENTICATED_and_changes_nothing()
    {
        var key = await NewDialogueAsync();
        var before = await ReadAsync(key);

        Assert.Equal("UNAUTHENTICATED", (await AddStateAsync(factory.Anonymous(), key, "MA")).Code);
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync("query($k: String!) { dialogue(key: $k) { key } }", new { k = key })).Code);
        Assert.Equal(before.ToJsonString(), (await ReadAsync(key)).ToJsonString());
    }

    [Fact]
    public async Task Only_an_administrator_creates_dialogues_and_a_key_is_used_once()
    {
        var key = await NewDialogueAsync();
        var secretariat = await factory.SignInAsync(await AddMemberAsync(key, "SECRETARIAT"));

        var forbidden = await secretariat.GraphQLAsync("mutation { createDialogue(key: \"not-mine\", settings: { name: \"X\", workingLanguages: [\"en\"], regionalGroups: [\"A\"] }) { key } }");
        Assert.Equal("FORBIDDEN", forbidden.Code);
        var twice = await factory.Administrator().GraphQLAsync(
            "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"X\", workingLanguages: [\"en\"], regionalGroups: [\"A\"] }) { key } }", new { k = key });
        Assert.Equal("CONFLICT", twice.Code);
        var badKey = await factory.Administrator().GraphQLAsync("mutation { createDialogue(key: \"Bad Key!\", settings: { name: \"X\", workingLanguages: [\"en\"], regionalGroups: [\"A\"] }) { key } }");
        Assert.Equal("VALIDATION", badKey.Code);
        var badLanguage = await factory.Administrator().GraphQLAsync("mutation { createDialogue(key: \"bad-language\", settings: { name: \"X\", workingLanguages: [\"de\"], regionalGroups: [\"A\"] }) { key } }");
        Assert.Equal("VALIDATION", badLanguage.Code);
        Assert.Equal("NOT_FOUND", (await factory.Administrator().GraphQLAsync("{ dialogue(key: \"bad-language\") { key } }")).Code);
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_is_a_CONFLICT()
    {
        var key = await NewDialogueAsync();
        var seen = (await ReadAsync(key))["version"]!.GetValue<int>();
        const string Update = "mutation($k: String!, $v: Int!, $n: String!) { updateDialogue(key: $k, expectedVersion: $v, settings: { name: $n, workingLanguages: [\"en\"], regionalGroups: [\"European\", \"Arab\", \"African\"] }) { name version } }";

        (await factory.Administrator().GraphQLAsync(Update, new { k = key, v = seen, n = "First edit" })).EnsureNoErrors();
        var stale = await factory.Administrator().GraphQLAsync(Update, new { k = key, v = seen, n = "Second edit" });

        Assert.Equal("CONFLICT", stale.Code);
        Assert.Equal("First edit", (await ReadAsync(key))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_see_each_other_but_only_the_secretariat_sees_addresses()
    {
        var key = await NewDialogueAsync();
        (await AddStateAsync(factory.Administrator(), key, "MA")).EnsureNoErrors();
        var delegateEmail = await AddMemberAsync(key, "DELEGATE", state: "MA");
        var staffEmail = await AddMemberAsync(key, "SECRETARIAT");
        const string Query = "query($k: String!) { dialogue(key: $k) { members { email person { email } } } }";

        var seenByDelegate = (await (await factory.SignInAsync(delegateEmail)).GraphQLAsync(Query, new { k = key })).EnsureNoErrors().Data("dialogue", "members").AsArray();
        var seenByStaff = (await (await factory.SignInAsync(staffEmail)).GraphQLAsync(Query, new { k = key })).EnsureNoErrors().Data("dialogue", "members").AsArray();

        Assert.All(seenByDelegate, m => Assert.Null(m!["email"]));
        Assert.Single(seenByDelegate, m => m!["person"]!["email"] is not null);
        Assert.Contains(seenByStaff, m => m!["email"]!.GetValue<string>() == delegateEmail);
    }

    [Theory]
    [InlineData("\u202Emoc.elgoog")]
    [InlineData("Ahmed\u2067 Mansour")]
    [InlineData("Leila\u0007Haddad")]
    [InlineData("Two\nLines")]
    public async Task Names_with_direction_overrides_or_control_characters_are_refused(string name)
    {
        var world = await MeetingWorld.CreateAsync(factory);

        var refused = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $n: String!, $e: String!) { addMember(key: $k, person: { name: $n, email: $e }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = world.Key, n = name, e = $"p{Guid.NewGuid():N}@example.org" });

        Assert.Equal(("VALIDATION", "INVISIBLE_CHARACTERS", "name"),
            (refused.Code, refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>(), refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>()));
    }
}
