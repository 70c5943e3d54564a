using GraphQL;

namespace Collaboration.Server.GraphQL;

/// <summary>The optional <c>idempotencyKey</c> argument of the mutations that create something.</summary>
public static class IdempotencyKey
{
    public const string Description =
        "A new random key (a UUID) per request; send the same key again when retrying after a lost answer, and the first request's result comes back instead of a second creation.";

    public static string? Of(IResolveFieldContext context) => context.GetArgument<string?>("idempotencyKey");
}
