using Microsoft.Net.Http.Headers;

namespace Collaboration.Server.Extensions;

/// <summary>
/// The browser app (clients/web, built into wwwroot): its files, and index.html for every path no endpoint
/// answers, so the app's own routes work on reload. Without a built app, "/" leads to the server's account page.
/// </summary>
public static class WebAppEndpoints
{
    public static WebApplication MapWebApp(this WebApplication app)
    {
        if (!app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            app.MapGet("/", () => Results.Redirect("/account"));
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            // Built assets carry a content hash in their names; index.html must always be fetched fresh.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        // Pages are only ever fetched: another method on any path (say PUT /graphql) gets 405, not the app.
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }
}
