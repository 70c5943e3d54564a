using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Server.Auth;

/// <summary>
/// The pages a mailed or printed link opens. A link only shows a form: the secret is spent by the form's
/// POST, so a mail scanner that fetches links cannot use it up.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sign-in", (HttpContext context, [FromQuery] string? token) =>
        {
            var language = ServerPage.LanguageOf(context);
            var text = Texts[language];
            return ServerPage.Render(context, language, text.SignInTitle,
                $"""
                <p>{Encode(text.SignInIntro)}</p>
                <form method="post" action="/auth/sign-in">
                  <input type="hidden" name="token" value="{Encode(token)}">
                  {ServerPage.LanguageField(language)}
                  <button type="submit">{Encode(text.SignInButton)}</button>
                </form>
                """);
        });

        endpoints.MapFormPost("/auth/sign-in", t => t.SignInTitle, t => t.SignInRefused, (context, form, signIn) =>
            signIn.SignInWithLinkAsync(context, form["token"].ToString()));

        endpoints.MapGet("/setup", (HttpContext context, [FromQuery] string? token) =>
        {
            var language = ServerPage.LanguageOf(context);
            var text = Texts[language];
            string Option(string code, string name) =>
                $"<option value=\"{code}\" lang=\"{code}\"{(code == language ? " selected" : string.Empty)}>{Encode(name)}</option>";
            return ServerPage.Render(context, language, text.SetupTitle,
                $"""
                <p>{Encode(text.SetupIntro)}</p>
                <form method="post" action="/auth/setup">
                  <input type="hidden" name="token" value="{Encode(token)}">
                  {ServerPage.LanguageField(language)}
                  <label>{Encode(text.Name)} <input name="name" required autocomplete="name" maxlength="200"></label>
                  <label>{Encode(text.Email)} <input name="email" type="email" required autocomplete="email" dir="ltr"></label>
                  <label>{Encode(text.PreferredLanguage)} <select name="language">
                    {Option(Language.Arabic, "العربية")}{Option(Language.English, "English")}{Option(Language.French, "Français")}
                  </select></label>
                  <button type="submit">{Encode(text.SetupButton)}</button>
                </form>
                """);
        });

        endpoints.MapFormPost("/auth/setup", t => t.SetupTitle, t => t.SetupRefused, (context, form, signIn) =>
            signIn.CompleteSetupAsync(
                context,
                form["token"].ToString(),
                new PersonProfile(form["name"].ToString(), form["email"].ToString(), form["language"].ToString() is { Length: > 0 } l ? l : Language.English)));

        endpoints.MapGet("/account", async (HttpContext context, IGrainFactory grains) =>
        {
            var caller = context.User.ToCaller();
            var language = ServerPage.LanguageOf(context);
            var text = Texts[language];
            if (caller is null)
                return ServerPage.Render(context, language, text.AccountTitle, $"<p>{Encode(text.NotSignedIn)}</p>", StatusCodes.Status401Unauthorized);
            var person = await grains.GetGrain<IPersonGrain>(caller.PersonId).FindAsync();
            language = ServerPage.LanguageOf(context, fallback: person?.Profile.PreferredLanguage ?? Language.English);
            text = Texts[language];
            return ServerPage.Render(context, language, text.AccountTitle,
                $"""
                <p>{Encode(text.SignedInAs)} <bdi>{Encode(person?.Profile.Name)}</bdi> (<bdi>{Encode(person?.Profile.Email)}</bdi>){(caller.IsAdministrator ? Encode(text.Administrator) : string.Empty)}</p>
                <p><a href="/">{Encode(text.OpenApp)}</a></p>
                <p class="meta">{Encode(text.Api)} <code dir="ltr">/graphql</code></p>
                <form method="post" action="/auth/sign-out"><button type="submit">{Encode(text.SignOut)}</button></form>
                """);
        });

        endpoints.MapPost("/auth/sign-out", async (HttpContext context) =>
        {
            if (!IsSameOrigin(context))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            await context.SignOutAsync(CollaborationAuthenticationHandler.SchemeName);
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();

        return endpoints;
    }

    /// <summary>
    /// A form that spends a link: refused from another site, redirected to the app (<c>/</c>) on success, and
    /// answered on a page in the form's language when the rule refuses: a link that is not (or no longer)
    /// valid in that language's words, any other refusal with the rule's (English) message after them.
    /// </summary>
    private static void MapFormPost(
        this IEndpointRouteBuilder endpoints, string pattern, Func<PageText, string> title, Func<PageText, string> refused,
        Func<HttpContext, IFormCollection, SignInService, Task> action) =>
        endpoints.MapPost(pattern, async (HttpContext context, SignInService signIn) =>
        {
            if (!IsSameOrigin(context))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            var form = await context.Request.ReadFormAsync();
            var language = ServerPage.LanguageOf(context, form["lang"].ToString());
            var text = Texts[language];
            try
            {
                await action(context, form, signIn);
            }
            catch (CollaborationException e)
            {
                var body = e.Code == ErrorCode.Unauthenticated
                    ? $"<p role=\"alert\">{Encode(refused(text))}</p>"
                    : $"<p role=\"alert\">{Encode(text.CheckInput)}</p><p lang=\"en\" dir=\"ltr\">{Encode(e.Message)}</p>";
                return ServerPage.Render(context, language, title(text), body, StatusCodes.Status400BadRequest);
            }
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();

    /// <summary>Form posts from another site are refused (the browser names the posting origin).</summary>
    public static bool IsSameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string Encode(string? value) => ServerPage.Encode(value);

    /// <summary>The words of the sign-in, setup and account pages, written for each language rather than translated word for word.</summary>
    public sealed record PageText(
        string SignInTitle, string SignInIntro, string SignInButton, string SignInRefused,
        string SetupTitle, string SetupIntro, string Name, string Email, string PreferredLanguage, string SetupButton, string SetupRefused,
        string CheckInput, string AccountTitle, string NotSignedIn, string SignedInAs, string Administrator, string OpenApp, string Api, string SignOut);

    public static readonly IReadOnlyDictionary<string, PageText> Texts = new Dictionary<string, PageText>
    {
        [Language.English] = new(
            "Sign in", "Press the button to sign in to Collaboration. The link works once and for fifteen minutes.", "Sign in",
            "This sign-in link no longer works: it has been used or has expired. Ask for a new one from the sign-in page.",
            "Set up Collaboration", "Create the first secretariat administrator. You will be signed in straight away.",
            "Full name", "Email address", "Preferred language", "Create the administrator and sign in",
            "This setup link no longer works: setup may already be complete.",
            "Please check what you entered:", "Your account", "You are not signed in. Open the sign-in link we sent to your email address.",
            "Signed in as", ", administrator.", "Open Collaboration", "For developers, the API is at", "Sign out"),
        [Language.French] = new(
            "Connexion", "Appuyez sur le bouton pour vous connecter à Collaboration. Le lien ne sert qu'une fois, pendant quinze minutes.", "Me connecter",
            "Ce lien de connexion n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau depuis la page de connexion.",
            "Mise en service de Collaboration", "Créez le premier compte administrateur du secrétariat. Vous serez connecté(e) aussitôt.",
            "Nom complet", "Adresse électronique", "Langue de préférence", "Créer l'administrateur et me connecter",
            "Ce lien de mise en service n'est plus valable : la mise en service est peut-être déjà faite.",
            "Veuillez vérifier votre saisie :", "Votre compte", "Vous n'êtes pas connecté(e). Ouvrez le lien de connexion envoyé à votre adresse électronique.",
            "Connecté(e) en tant que", ", administrateur.", "Ouvrir Collaboration", "Pour les développeurs, l'API se trouve à l'adresse", "Me déconnecter"),
        [Language.Arabic] = new(
            "تسجيل الدخول", "اضغطوا على الزر لتسجيل الدخول إلى منصة التعاون. لا يعمل الرابط إلا مرة واحدة ولمدة خمس عشرة دقيقة.", "تسجيل الدخول",
            "لم يعد رابط الدخول هذا صالحًا: فقد استُخدم من قبل أو انتهت مدته. اطلبوا رابطًا جديدًا من صفحة تسجيل الدخول.",
            "إعداد منصة التعاون", "أنشئوا حساب أول مسؤول في الأمانة، وسيتم تسجيل دخولكم فورًا.",
            "الاسم الكامل", "البريد الإلكتروني", "اللغة المفضلة", "إنشاء حساب المسؤول وتسجيل الدخول",
            "لم يعد رابط الإعداد هذا صالحًا: ربما اكتمل الإعداد من قبل.",
            "يُرجى التحقق مما أدخلتموه:", "حسابكم", "لم تسجّلوا الدخول بعد. افتحوا رابط الدخول الذي أرسلناه إلى بريدكم الإلكتروني.",
            "تم تسجيل الدخول باسم", "، بصفة مسؤول.", "فتح منصة التعاون", "للمطوّرين: واجهة البرمجة متاحة على العنوان", "تسجيل الخروج"),
    };
}
