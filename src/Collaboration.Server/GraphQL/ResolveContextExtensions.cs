using Collaboration.Server.Auth;
using GraphQL;

namespace Collaboration.Server.GraphQL;

/// <summary>What resolvers need from a request: the caller, the grains, the HTTP context.</summary>
public static class ResolveContextExtensions
{
    public const string HttpContextKey = "httpContext";

    public static Caller Caller(this IResolveFieldContext context) => context.User.RequireCaller();

    public static Caller? OptionalCaller(this IResolveFieldContext context) => context.User.ToCaller();

    public static IGrainFactory Grains(this IResolveFieldContext context) => context.Service<IGrainFactory>();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    public static HttpContext HttpContext(this IResolveFieldContext context) => (HttpContext)context.UserContext[HttpContextKey]!;

    /// <summary>A dialogue key from the <c>key</c> argument; NOT_FOUND for anything that cannot be one.</summary>
    public static string DialogueKey(this IResolveFieldContext context) => DialogueKeyOf(context.GetArgument<string>("key"));

    public static string DialogueKeyOf(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > 32 || key.Contains('/', StringComparison.Ordinal)
            ? throw CollaborationException.NotFound($"There is no dialogue '{key}'.")
            : key;

    /// <summary>The grain of something a dialogue holds (keyed <c>{dialogue}/{id}</c>) from the <c>id</c> argument; NOT_FOUND for a malformed id.</summary>
    public static T DialogueGrain<T>(this IResolveFieldContext context, string what) where T : IGrainWithStringKey
    {
        var id = context.GetArgument<string>("id");
        if (MeetingKey.DialogueOf(id) is null)
            throw CollaborationException.NotFound($"There is no {what} '{id}'.");
        return context.Grains().GetGrain<T>(id);
    }
}
