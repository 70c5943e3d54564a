using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

/// <summary>A library document with the dialogue it belongs to, so its fields can give download addresses.</summary>
public sealed record LibraryEntry(string DialogueKey, LibraryDocument Document);

/// <summary>A version of a library document, with what its download addresses need.</summary>
public sealed record LibraryVersionEntry(string DialogueKey, string DocumentId, LibraryVersion Version);

/// <summary>One file of a version, with what its download address needs.</summary>
public sealed record LibraryVariantEntry(string DialogueKey, string DocumentId, int VersionNumber, LibraryVariant Variant);

/// <summary>The host serves library files at addresses of its own.</summary>
public static class LibraryLinks
{
    /// <summary>
    /// <c>/dialogues/{key}/library/{documentId}</c>: the current version in the reader's language (their preferred one
    /// when <paramref name="language"/> is null) or the nearest; a version by number.
    /// </summary>
    public static string DownloadPath(string dialogueKey, string documentId, string? language = null, int? version = null)
    {
        var query = new List<string>();
        if (language is not null)
            query.Add("language=" + Uri.EscapeDataString(language));
        if (version is not null)
            query.Add("version=" + version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"/dialogues/{Uri.EscapeDataString(dialogueKey)}/library/{Uri.EscapeDataString(documentId)}" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }
}

public sealed class LibraryDocumentGraphType : ObjectGraphType<LibraryEntry>
{
    public LibraryDocumentGraphType()
    {
        Name = "LibraryDocument";
        Description = "A document of a dialogue's library (agenda, concept note, discussion guide, presentation, report…), with numbered versions and, in each, a file per working language.";
        Field(x => x.Document.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The document's id within its library.");
        Field(x => x.Document.Kind).Description("What it is.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Description("Its title in each working language it was given in; the first is the language it was written in.")
            .Resolve(c => c.Source.Document.Titles);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title in a language, else its first title.")
            .Argument<StringGraphType>("language", Describe.Language)
            .Resolve(c => c.Source.Document.TitleIn(c.GetArgument<string?>("language")));
        Field(x => x.Document.Visibility).Description("Who may read it: DIALOGUE_MEMBERS or PUBLIC.");
        Field(x => x.Document.Version).Description(Describe.Version);
        Field<IntGraphType>("currentVersion").Description("The number of the current version (the last); null before the first file is added.")
            .Resolve(c => c.Source.Document.Current?.Number);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LibraryVersionGraphType>>>>("versions").Description("Its versions, oldest first; each stays downloadable by number.")
            .Resolve(c => c.Source.Document.Versions.Select(v => new LibraryVersionEntry(c.Source.DialogueKey, c.Source.Document.Id, v)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("The languages the current version has a file in, in the order they were added.")
            .Resolve(c => c.Source.Document.Current?.Variants.Select(v => v.Language) ?? []);
        Field(x => x.Document.AddedAt).Description("When it was added to the library.");
        Field<LibraryVariantGraphType>("nearest").Description("The current version's file a reader of a language gets: that language's, else the one in the language of its first title, else the first added; null without files.")
            .Argument<NonNullGraphType<StringGraphType>>("language", Describe.Language)
            .Resolve(c => LibraryLanguages.Nearest(c.Source.Document.Current, c.Source.Document.Titles, c.GetArgument<string>("language")) is { } v
                ? new LibraryVariantEntry(c.Source.DialogueKey, c.Source.Document.Id, c.Source.Document.Current!.Number, v)
                : null);
        Field<StringGraphType>("downloadUrl").Description("The address of the current version's file for a reader of a language (the nearest when there is none in it); null without files.")
            .Argument<NonNullGraphType<StringGraphType>>("language", Describe.Language)
            .Resolve(c => c.Source.Document.Current is { Variants.Count: > 0 } ? LibraryLinks.DownloadPath(c.Source.DialogueKey, c.Source.Document.Id, c.GetArgument<string>("language")) : null);
    }
}

public sealed class LibraryVersionGraphType : ObjectGraphType<LibraryVersionEntry>
{
    public LibraryVersionGraphType()
    {
        Name = "LibraryVersion";
        Description = "A numbered version of a library document and its files, one per language.";
        Field(x => x.Version.Number).Description("1 for the first version, then 2, 3…");
        Field(x => x.Version.StartedAt).Description("When its first file was added.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LibraryVariantGraphType>>>>("variants").Description("Its files, one per language, in the order they were added.")
            .Resolve(c => c.Source.Version.Variants.Select(v => new LibraryVariantEntry(c.Source.DialogueKey, c.Source.DocumentId, c.Source.Version.Number, v)));
    }
}

public sealed class LibraryVariantGraphType : ObjectGraphType<LibraryVariantEntry>
{
    public LibraryVariantGraphType()
    {
        Name = "LibraryVariant";
        Description = "One file of a library document's version, in one working language.";
        Field(x => x.Variant.Language).Description(Describe.Language);
        Field(x => x.Variant.FileName).Description("The file's name.");
        Field(x => x.Variant.ContentType).Description("The file's media type, e.g. application/pdf.");
        Field(x => x.Variant.Size).Description("The file's size in bytes.");
        Field(x => x.Variant.AddedAt).Description("When it was added.");
        Field<NonNullGraphType<StringGraphType>>("url").Description("Its download address.")
            .Resolve(c => LibraryLinks.DownloadPath(c.Source.DialogueKey, c.Source.DocumentId, c.Source.Variant.Language, c.Source.VersionNumber));
    }
}

public sealed class LibraryDocumentInputModel
{
    public DocumentKind? Kind { get; set; }
    public List<LocalizedTextInput>? Titles { get; set; }
    public MeetingVisibility? Visibility { get; set; }

    public LibraryDocumentInput ToInput() => new(Kind, Titles?.Select(t => t.ToText()).ToList(), Visibility);
}

public sealed class LibraryDocumentInputType : InputObjectGraphType<LibraryDocumentInputModel>
{
    public LibraryDocumentInputType()
    {
        Name = "LibraryDocumentInput";
        Description = "A new library document: what it is, its titles, who may read it. Its files are uploaded with POST /dialogues/{key}/library/{documentId}/variants.";
        Field<NonNullGraphType<DocumentKindEnum>>("kind").Description("What it is.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>>("titles").Description("Its title in one or more working languages, the language it was written in first.");
        Field<MeetingVisibilityEnum>("visibility").Description("Who may read it: DIALOGUE_MEMBERS (the default) or PUBLIC.").DefaultValue(MeetingVisibility.DialogueMembers);
    }
}

public sealed class LibraryDocumentChangesInputType() : ChangesInputGraphType<LibraryDocumentInputModel, LibraryDocumentInputType>(
    "LibraryDocumentChangesInput",
    "Changes to a library document; a field left out stays as it is.",
    new Dictionary<string, string>
    {
        ["titles"] = "All its titles, replacing the earlier ones.",
        ["visibility"] = "Who may read it: DIALOGUE_MEMBERS or PUBLIC.",
    });
