using System.Globalization;
using System.Text;
using Collaboration.Integrations.Calendar;
using Collaboration.Notes;
using Collaboration.Outcomes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Integrations.Exports;

/// <summary>
/// The "Summary of Discussions" of a meeting in one working language, laid out as the seed's Valletta summary:
/// the meeting, the delegations that took part (states and organisations, never persons), each working session
/// with its objectives, moderators, discussion guide and notes, then the conclusions and recommendations. What
/// was said, never who said it. Document properties carry the dialogue's name, not a person's. Headings in
/// Arabic, English or French (English for another language); Arabic reads right to left.
/// </summary>
public static class SummaryOfDiscussions
{
    private sealed record Words(
        string Summary, string Draft, string Host, string Participants, string CoChairs, string PartnerStates, string PartnerAgencies,
        string Observers, string Objectives, string ModeratedBy, string DiscussionGuide, string Conclusions, string Recommendations,
        string AddressedTo, string NotTranslated, string Stale, string Other, string AllPartnerStates, string Secretariat, string WorkingGroup,
        string ListSeparator, string Colon);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new(
            "Summary of Discussions", "Draft: the notes are not final yet", "Host", "Participants", "Co-chairs", "Partner States", "Partner Agencies",
            "Observers", "Objectives", "Moderated by", "Discussion guide", "Conclusions", "Recommendations",
            "Addressed to", "Not yet translated", "Translation out of date", "Other discussions", "All Partner States", "The Secretariat", "Working group",
            ", ", ": "),
        ["fr"] = new(
            "Résumé des discussions", "Projet : les notes ne sont pas encore définitives", "Pays hôte", "Participants", "Coprésidence", "États partenaires", "Agences partenaires",
            "Observateurs", "Objectifs", "Modération", "Guide de discussion", "Conclusions", "Recommandations",
            "Destinataires", "Pas encore traduit", "Traduction à mettre à jour", "Autres discussions", "Tous les États partenaires", "Le Secrétariat", "Groupe de travail",
            ", ", "\u00A0: "),
        ["ar"] = new(
            "ملخص المناقشات", "مسودة: المحاضر ليست نهائية بعد", "البلد المضيف", "المشاركون", "الرئاسة المشتركة", "الدول الشريكة", "الوكالات الشريكة",
            "المراقبون", "الأهداف", "أدار الجلسة", "دليل النقاش", "الاستنتاجات", "التوصيات",
            "موجهة إلى", "لم تُترجم بعد", "الترجمة غير محدّثة", "مناقشات أخرى", "جميع الدول الشريكة", "الأمانة", "فريق العمل",
            "، ", ": "),
    };

    private static Words WordsFor(string language) => Texts.GetValueOrDefault(language) ?? Texts["en"];

    /// <summary>The title of the notes as the meetingNotes query shows it (in the meeting's first language).</summary>
    public static string Title(FinalNotes notes) => TitleOf(notes.Language, notes.MeetingTitle);

    public static string Title(DiscussionSummary summary) => TitleOf(summary.Language, summary.Title);

    /// <summary>"Summary of Discussions: …", "Résumé des discussions : …" (French sets its colon apart).</summary>
    private static string TitleOf(string language, string meetingTitle)
    {
        var words = WordsFor(language);
        return words.Summary + words.Colon + meetingTitle;
    }

    /// <summary>Whether the whole summary reads right to left (Arabic).</summary>
    private static bool RightToLeftLanguage(string language) => language == "ar";

    /// <summary>The paragraphs of the summary, in order, for both formats.</summary>
    private abstract record Block;

    private sealed record Heading(string Text, int Level) : Block;

    private sealed record Labelled(string Label, string Text) : Block;

    private sealed record Plain(string Text, bool Emphasis = false) : Block;

    private sealed record Item(string Text, string? Mark, int? Number = null) : Block;

    private static List<Block> Blocks(DiscussionSummary summary)
    {
        var words = WordsFor(summary.Language);
        var blocks = new List<Block>
        {
            new Heading(Title(summary), 0),
            new Plain(summary.DialogueName + (summary.Finalized ? string.Empty : $" ({words.Draft})"), Emphasis: true),
            new Plain(string.Join(words.ListSeparator, new[] { summary.City, summary.Venue }.Where(p => !string.IsNullOrWhiteSpace(p))) + ", " + Dates(summary)),
            new Labelled(words.Host, summary.Host),
        };

        var parties = new (string Label, IReadOnlyList<string> Names)[]
        {
            (words.CoChairs, summary.CoChairStates), (words.PartnerStates, summary.PartnerStates),
            (words.PartnerAgencies, summary.PartnerAgencies), (words.Observers, summary.Observers),
        };
        if (parties.Any(p => p.Names.Count > 0))
        {
            blocks.Add(new Heading(words.Participants, 1));
            blocks.AddRange(parties.Where(p => p.Names.Count > 0).Select(p => new Labelled(p.Label, string.Join(words.ListSeparator, p.Names))));
        }

        foreach (var session in summary.Sessions)
        {
            if (session.SessionId.Length == 0 && session.Entries.Count == 0)
                continue;
            blocks.Add(new Heading(session.SessionId.Length == 0 ? words.Other : session.Title, 1));
            if (!string.IsNullOrWhiteSpace(session.Objectives))
                blocks.Add(new Labelled(words.Objectives, session.Objectives));
            if (session.Moderators.Count > 0)
                blocks.Add(new Labelled(words.ModeratedBy, string.Join(words.ListSeparator, session.Moderators)));
            if (session.DiscussionGuide is { } guide)
                blocks.Add(new Labelled(words.DiscussionGuide, guide));
            blocks.AddRange(session.Entries.Select(e => new Item(e.Text, e.State switch
            {
                SummaryTextState.NotTranslated => words.NotTranslated,
                SummaryTextState.Stale => words.Stale,
                _ => null,
            })));
        }

        foreach (var (heading, outcomes) in new[] { (words.Conclusions, summary.Conclusions), (words.Recommendations, summary.Recommendations) })
        {
            if (outcomes.Count == 0)
                continue;
            blocks.Add(new Heading(heading, 1));
            foreach (var outcome in outcomes)
            {
                blocks.Add(new Item(outcome.Text, outcome.Untranslated ? words.NotTranslated : null, outcome.Number));
                if (outcome.AddressedTo.Count > 0)
                    blocks.Add(new Labelled(words.AddressedTo, string.Join(words.ListSeparator, outcome.AddressedTo.Select(a => AddresseeName(a, words)))));
            }
        }
        return blocks;
    }

    private static string AddresseeName(SummaryAddressee addressee, Words words) => addressee.Kind switch
    {
        AddresseeKind.PartnerStates => words.AllPartnerStates,
        AddresseeKind.Secretariat => words.Secretariat,
        AddresseeKind.WorkingGroup => $"{words.WorkingGroup} {addressee.Name}",
        _ => addressee.Name ?? string.Empty,
    };

    /// <summary>The meeting's days on its own clock: "22 May 2012", or "22 May 2012 – 23 May 2012".</summary>
    private static string Dates(DiscussionSummary summary)
    {
        var culture = LocalDates.CultureOf(summary.Language);
        var starts = summary.StartsLocal.ToString("d MMMM yyyy", culture);
        var ends = summary.EndsLocal.ToString("d MMMM yyyy", culture);
        return starts == ends ? starts : $"{starts} – {ends}";
    }

    /// <summary>
    /// Markdown; an Arabic paragraph (every paragraph of an Arabic summary) becomes a right-to-left HTML
    /// paragraph, which Markdown renderers keep. Text is written as it is (accents and all scripts unchanged)
    /// with its line breaks, and nothing in it is markup: HTML's characters become entities, Markdown's are escaped.
    /// </summary>
    public static string ToMarkdown(DiscussionSummary summary)
    {
        var rtlSummary = RightToLeftLanguage(summary.Language);
        var words = WordsFor(summary.Language);
        var markdown = new StringBuilder();
        var inList = false;
        void EndList()
        {
            if (inList)
                markdown.AppendLine();
            inList = false;
        }
        void RightToLeft(string html)
        {
            // An HTML block stands apart from the list around it.
            EndList();
            markdown.Append("<p dir=\"rtl\">").Append(html).AppendLine("</p>").AppendLine();
        }
        static string HtmlLines(string text) => string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(Html));

        foreach (var block in Blocks(summary))
        {
            switch (block)
            {
                case Heading heading:
                    EndList();
                    markdown.Append(heading.Level == 0 ? "# " : "## ").AppendLine(Literal(heading.Text)).AppendLine();
                    break;
                case Labelled labelled when rtlSummary || IsRightToLeft(labelled.Text):
                    RightToLeft($"<strong>{Html(labelled.Label)}</strong>{Html(words.Colon)}{HtmlLines(labelled.Text)}");
                    break;
                case Labelled labelled:
                    EndList();
                    markdown.Append("**").Append(Literal(labelled.Label)).Append("**").Append(words.Colon).AppendLine(string.Join("\\\n", Lines(labelled.Text).Select(Literal))).AppendLine();
                    break;
                case Plain plain when rtlSummary || IsRightToLeft(plain.Text):
                    RightToLeft(plain.Emphasis ? $"<em>{HtmlLines(plain.Text)}</em>" : HtmlLines(plain.Text));
                    break;
                case Plain plain:
                    EndList();
                    markdown.AppendLine(plain.Emphasis ? $"*{Literal(plain.Text)}*" : Literal(plain.Text)).AppendLine();
                    break;
                case Item item when IsRightToLeft(item.Text) || (rtlSummary && item.Mark is null):
                    RightToLeft((item.Number is { } n ? $"{n}. " : string.Empty) + (item.Mark is { } m ? $"<em>({Html(m)})</em> " : string.Empty) + HtmlLines(item.Text));
                    break;
                case Item item:
                    // A backslash at a line's end is a hard line break: the entry keeps its lines inside its item.
                    markdown.Append(item.Number is { } number ? $"{number}. " : "- ")
                        .Append(item.Mark is { } mark ? $"*({Literal(mark)})* " : string.Empty)
                        .AppendLine(string.Join("\\\n  ", Lines(item.Text).Select(Literal)));
                    inList = true;
                    break;
            }
        }
        EndList();
        return markdown.ToString();
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>HTML's special characters as entities, nothing else changed ("délégué" stays "délégué").</summary>
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Text that reads literally in Markdown: HTML neutralised, Markdown's punctuation escaped.</summary>
    private static string Literal(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in Html(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~')
                escaped.Append('\\');
            escaped.Append(c);
        }
        // A line that would open a list, a quote or a heading stays text.
        var literal = escaped.ToString();
        return literal.Length > 0 && (literal[0] is '-' or '+' or '>' || System.Text.RegularExpressions.Regex.IsMatch(literal, @"^\d+[.)]"))
            ? "\\" + literal
            : literal;
    }

    /// <summary>A Word document (DOCX); in Arabic the whole body reads right to left, otherwise each Arabic paragraph does.</summary>
    public static byte[] ToDocx(DiscussionSummary summary)
    {
        var rtlSummary = RightToLeftLanguage(summary.Language);
        var words = WordsFor(summary.Language);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Title(summary);
            document.PackageProperties.Creator = summary.DialogueName;
            document.PackageProperties.LastModifiedBy = summary.DialogueName;
            document.PackageProperties.Subject = words.Summary;
            document.PackageProperties.Language = summary.Language;

            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in Blocks(summary))
            {
                body.Append(block switch
                {
                    Heading heading => Paragraph(rtlSummary, heading.Level == 0 ? "Title" : "Heading1", (heading.Text, false, false)),
                    Labelled labelled => Paragraph(rtlSummary, null, (labelled.Label + words.Colon, true, false), (labelled.Text, false, false)),
                    Plain plain => Paragraph(rtlSummary, null, (plain.Text, false, plain.Emphasis)),
                    Item { Mark: { } mark } item => Paragraph(rtlSummary, null, (Numbered(item, $"({mark}) "), false, true), (item.Text, false, false)),
                    Item item => Paragraph(rtlSummary, null, (Numbered(item, item.Text), false, false)),
                    _ => throw new InvalidOperationException("A block of the summary has no layout."),
                });
            }
            if (rtlSummary)
                body.Append(new SectionProperties(new BiDi()));
            main.Document = new Document(body);
            AddStyles(main);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Numbered(Item item, string text) => item.Number is { } n ? $"{n}. {text}" : text;

    public static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFEFC'))
                return true;
            if (char.IsLetter(c))
                return false;
        }
        return false;
    }

    /// <summary>A paragraph of runs (text, bold, italic); right to left when the summary is, or when its text starts in a right-to-left script.</summary>
    private static Paragraph Paragraph(bool rtlSummary, string? style, params (string Text, bool Bold, bool Italic)[] runs)
    {
        var rtl = rtlSummary || IsRightToLeft(runs[^1].Text);
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.Append(new ParagraphStyleId { Val = style });
        if (rtl)
            properties.Append(new BiDi());
        var paragraph = new Paragraph(properties);
        foreach (var (text, bold, italic) in runs)
        {
            var runProperties = new RunProperties();
            if (bold)
                runProperties.Append(new Bold());
            if (italic)
                runProperties.Append(new Italic());
            if (rtl)
                runProperties.Append(new RightToLeftText());
            var run = new Run(runProperties);
            var lines = Lines(text);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    run.Append(new Break());
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            paragraph.Append(run);
        }
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Title" }, new StyleRunProperties(new Bold(), new FontSize { Val = "36" })) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }, new StyleRunProperties(new Bold(), new FontSize { Val = "28" })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
        styles.Styles.Save();
    }
}
