using System.Net;
using Collaboration.Mail;

namespace Collaboration.Server.Auth;

/// <summary>The sign-in mail in the recipient's language (Arabic right-to-left).</summary>
public static class SignInMail
{
    private sealed record Text(string Subject, string Greeting, string Body, string Button, string Ignore, string Direction);

    private static readonly Dictionary<string, Text> Texts = new()
    {
        [Language.English] = new(
            "Your sign-in link",
            "Hello {0},",
            "Use this link to sign in to Collaboration. It works once and expires in {1} minutes.",
            "Sign in",
            "If you did not ask for it, ignore this message: nobody can sign in without the link.",
            "ltr"),
        [Language.French] = new(
            "Votre lien de connexion",
            "Bonjour {0},",
            "Utilisez ce lien pour vous connecter à Collaboration. Il ne sert qu'une fois et expire dans {1} minutes.",
            "Se connecter",
            "Si vous ne l'avez pas demandé, ignorez ce message : personne ne peut se connecter sans ce lien.",
            "ltr"),
        [Language.Arabic] = new(
            "رابط تسجيل الدخول",
            "مرحبًا {0}،",
            "استخدم هذا الرابط لتسجيل الدخول إلى Collaboration. يعمل مرة واحدة وتنتهي صلاحيته خلال {1} دقيقة.",
            "تسجيل الدخول",
            "إذا لم تطلب هذا الرابط فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول بدونه.",
            "rtl"),
    };

    public static OutboxItem Compose(string id, PersonProfile person, string link, TimeSpan lifetime)
    {
        var language = Texts.ContainsKey(person.PreferredLanguage) ? person.PreferredLanguage : Language.English;
        var t = Texts[language];
        var minutes = (int)lifetime.TotalMinutes;
        var greeting = string.Format(t.Greeting, person.Name);
        var body = string.Format(t.Body, person.Name, minutes);
        var text = $"{greeting}\n\n{body}\n\n{link}\n\n{t.Ignore}\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}" dir="{t.Direction}">
            <body style="font-family: sans-serif">
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(t.Button)}</a></p>
            <p>{WebUtility.HtmlEncode(t.Ignore)}</p>
            </body>
            </html>
            """;
        return new OutboxItem(id, person.Email, person.Name, language, null, t.Subject, text, HtmlBody: html);
    }
}
