namespace Collaboration.Identity;

/// <summary>The working languages of the dialogues: Arabic, English and French.</summary>
public static class Language
{
    public const string Arabic = "ar";
    public const string English = "en";
    public const string French = "fr";

    public static IReadOnlyList<string> All { get; } = [Arabic, English, French];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);
}
