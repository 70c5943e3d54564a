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
}
