using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Primitives;

namespace Collaboration.Server.Auth;

/// <summary>
/// The few pages the server renders itself (first-run setup, the sign-in link's page, the answer link's page):
/// in the language the link asks for (<c>lang</c>), else the browser's (Accept-Language), else English; right
/// to left in Arabic; styled like the web app (its colours, font stack and logical properties) and readable
/// on a narrow phone. Every value that comes from a request or a person is HTML-encoded here or by the caller.
/// </summary>
public static class ServerPage
{
    /// <summary>The language of a page: <c>lang</c> from the query or form, then Accept-Language, then <paramref name="fallback"/>.</summary>
    public static string LanguageOf(HttpContext context, string? asked = null, string fallback = Language.English)
    {
        asked ??= context.Request.Query["lang"].ToString();
        if (Language.IsSupported(asked))
            return asked!;
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var range in accepted)
        {
            var primary = range.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (Language.IsSupported(primary))
                return primary!;
        }
        return Language.IsSupported(fallback) ? fallback : Language.English;
    }

    public static string Direction(string language) => language == Language.Arabic ? "rtl" : "ltr";

    /// <summary>HTML-encodes markup characters and quotes, and leaves Arabic and accented letters readable in the source.</summary>
    public static string Encode(string? value) => Encoder.Encode(value ?? string.Empty);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A hidden field that carries the page's language to the form's answer.</summary>
    public static string LanguageField(string language) => $"<input type=\"hidden\" name=\"lang\" value=\"{Encode(language)}\">";

    private static readonly Dictionary<string, (string App, string Skip, string Languages)> Frame = new()
    {
        [Language.English] = ("Collaboration", "Skip to the content", "Language"),
        [Language.French] = ("Collaboration", "Aller au contenu", "Langue"),
        [Language.Arabic] = ("التعاون", "الانتقال إلى المحتوى", "اللغة"),
    };

    private static readonly (string Code, string Name)[] LanguageNames = [(Language.Arabic, "العربية"), (Language.English, "English"), (Language.French, "Français")];

    /// <summary>The whole page around <paramref name="body"/> (already HTML), with links to the same page in the other languages (on a GET page that may be opened again).</summary>
    public static IResult Render(HttpContext context, string language, string title, string body, int status = StatusCodes.Status200OK, bool languageLinks = true)
    {
        var frame = Frame[language];
        var others = languageLinks && HttpMethods.IsGet(context.Request.Method)
            ? string.Join(" ", LanguageNames.Where(l => l.Code != language).Select(l =>
                $"<a href=\"{Encode(SameIn(context, l.Code))}\" lang=\"{l.Code}\" hreflang=\"{l.Code}\" dir=\"{Direction(l.Code)}\">{Encode(l.Name)}</a>"))
            : string.Empty;
        return Results.Content(
            $$"""
            <!DOCTYPE html>
            <html lang="{{language}}" dir="{{Direction(language)}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{{Encode(title)}} – {{Encode(frame.App)}}</title>
            <style>{{Style}}</style>
            </head>
            <body>
            <a class="skip" href="#content">{{Encode(frame.Skip)}}</a>
            <header class="top"><span class="brand">{{Encode(frame.App)}}</span>{{(others.Length > 0 ? $"<nav class=\"top-end\" aria-label=\"{Encode(frame.Languages)}\">{others}</nav>" : string.Empty)}}</header>
            <main id="content">
            <h1>{{Encode(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }

    /// <summary>This page's address with <c>lang</c> set to <paramref name="language"/>, the rest of the query kept.</summary>
    private static string SameIn(HttpContext context, string language)
    {
        var query = context.Request.Query
            .Where(q => !string.Equals(q.Key, "lang", StringComparison.OrdinalIgnoreCase))
            .Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value))
            .Append(new("lang", language));
        return context.Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }

    // The web app's look (clients/web/src/styles.css): its colours, font stack and focus ring, logical
    // properties so Arabic lays out right to left on its own, and a single column that fits a 390 px phone.
    private const string Style = """
        :root { --ink: #1b1f24; --muted: #4a5560; --accent: #0b5cad; --accent-ink: #fff; --line: #c9d1d9; --bad: #a4161a;
          font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", sans-serif; color: var(--ink); line-height: 1.5; }
        * { box-sizing: border-box; }
        body { margin: 0; }
        .skip { position: absolute; inset-inline-start: -999px; }
        .skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 10; }
        .top { display: flex; gap: 1rem; align-items: center; padding: 0.75rem 1.25rem; border-block-end: 1px solid var(--line); flex-wrap: wrap; }
        .brand { font-weight: 700; color: var(--accent); }
        .top-end { margin-inline-start: auto; display: flex; gap: 0.75rem; flex-wrap: wrap; }
        main { padding: 1rem 1.25rem; max-width: 40rem; margin-inline: auto; }
        h1 { font-size: 1.5rem; line-height: 1.25; }
        a { color: var(--accent); }
        button { font: inherit; padding: 0.6rem 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent);
          color: var(--accent-ink); cursor: pointer; min-block-size: 2.75rem; }
        :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        label { display: flex; flex-direction: column; gap: 0.2rem; margin-block-end: 0.9rem; }
        input, select { font: inherit; padding: 0.5rem; border: 1px solid var(--muted); border-radius: 4px; inline-size: 100%; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        .meta { color: var(--muted); }
        [role="alert"] { color: var(--bad); }
        @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-block-end: 0.5rem; } button { inline-size: 100%; } }
        """;
}
