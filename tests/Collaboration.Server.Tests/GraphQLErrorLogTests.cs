namespace Collaboration.Server.Tests;

/// <summary>
/// Issue 16: the error log is for what an operator must look at. Typos, refusals and rules saying no are the
/// caller's business: they are answered with a code and leave no error (and no stack trace) in the log.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLErrorLogTests(CollaborationFactory factory)
{
    [Fact]
    public async Task Typos_and_refusals_are_answered_without_logging_an_error()
    {
        var before = factory.Logs.Messages.Count;
        var administrator = factory.Administrator();
        var anonymous = factory.Anonymous();

        string?[] codes =
        [
            // Typos: a field, an argument, a type, the syntax, a variable.
            (await administrator.GraphQLAsync("{ viewer { isAdministrater } }")).Code,
            (await administrator.GraphQLAsync("{ dialogue(kee: \"mtm\") { key } }")).Code,
            (await administrator.GraphQLAsync("query($k: Strin!) { dialogue(key: $k) { key } }", new { k = "mtm" })).Code,
            (await administrator.GraphQLAsync("{ viewer { isAdministrator }")).Code,
            (await administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { key } }", new { k = 5 })).Code,
            (await administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { key } }")).Code,
            (await administrator.GraphQLAsync("{ meetings(key: \"mtm\", first: \"ten\") { totalCount } }")).Code,
            // Limits, the parser's nesting limit among them.
            (await administrator.GraphQLAsync(string.Concat(Enumerable.Repeat("{ a ", 5000)) + string.Concat(Enumerable.Repeat("} ", 5000)))).Code,
            (await anonymous.GraphQLAsync(GraphQLLimitsTests.FragmentFanOut(20))).Code,
            (await anonymous.GraphQLAsync(GraphQLLimitsTests.RepeatedFields(11_500))).Code,
            (await administrator.GraphQLAsync("{ " + string.Join(' ', Enumerable.Range(0, 60).Select(i => $"a{i}: setupRequired")) + " }")).Code,
            // Rules that say no once the request runs.
            (await anonymous.GraphQLAsync("{ dialogues { key } }")).Code,
            (await administrator.GraphQLAsync("{ dialogue(key: \"no-such-dialogue\") { key } }")).Code,
            (await administrator.GraphQLAsync("{ meeting(id: \"no/such\") { id } }")).Code,
            (await administrator.GraphQLAsync("mutation { createDialogue(key: \"log-test\", settings: { name: \" \", workingLanguages: [\"en\"], regionalGroups: [\"A\"] }) { key } }")).Code,
            (await administrator.GraphQLAsync("mutation { removeMember(key: \"no-such-dialogue\", personId: \"p\", expectedVersion: 1) { key } }")).Code,
        ];

        var logged = factory.Logs.Messages.Skip(before).ToList();
        Assert.All(codes, code => Assert.Contains(code, (string[])["VALIDATION", "UNAUTHENTICATED", "NOT_FOUND", "FORBIDDEN"]));
        var errors = logged.Where(m => m.StartsWith("Error ", StringComparison.Ordinal) || m.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors logged for ordinary refusals:\n{string.Join("\n\n", errors.Select(e => e.Length > 800 ? e[..800] + "…" : e))}");
        Assert.DoesNotContain(logged, m => m.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_its_caller_abandons_ends_quietly_and_the_server_answers_the_next()
    {
        var before = factory.Logs.Messages.Count;
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var body = new StalledBody();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };
        var sending = factory.Administrator().SendAsync(request, leave.Token);

        // The server is reading the body when the caller leaves.
        await body.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var next = await factory.Administrator().GraphQLAsync("{ viewer { isAdministrator } }");

        Assert.Equal("""{"data":{"viewer":{"isAdministrator":true}}}""", next.Raw);
        var errors = factory.Logs.Messages.Skip(before).Where(m => m.StartsWith("Error ", StringComparison.Ordinal) || m.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
    }

    /// <summary>A request body that sends its first bytes and then nothing more until the request is cancelled.</summary>
    private sealed class StalledBody : HttpContent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StalledBody() => Headers.ContentType = new("application/json");

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("{\"query\": \"{ viewer "u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
