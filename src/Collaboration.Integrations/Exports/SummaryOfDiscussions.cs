using System.Text;
using Collaboration.Notes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Integrations.Exports;

/// <summary>
/// The "Summary of Discussions" of a meeting, from its notes in session order: what was said, never who said
/// it. Document properties carry the dialogue's name, not a person's. Arabic entries read right to left.
/// </summary>
public static class SummaryOfDiscussions
{
    public static string Title(FinalNotes notes) => $"Summary of Discussions: {notes.MeetingTitle}";

    /// <summary>
    /// Markdown; an Arabic entry becomes a right-to-left HTML paragraph, which Markdown renderers keep. Text
    /// is written as it is (accents and all scripts unchanged) with its line breaks, and nothing in it is
    /// markup: HTML's characters become entities, Markdown's are escaped.
    /// </summary>
    public static string ToMarkdown(FinalNotes notes)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(Literal(Title(notes))).AppendLine();
        markdown.AppendLine($"*{Literal(notes.DialogueName)}*{(notes.Finalized ? string.Empty : " (draft: the notes are not final yet)")}").AppendLine();
        foreach (var section in notes.Sections)
        {
            markdown.Append("## ").AppendLine(Literal(section.Title)).AppendLine();
            var inList = false;
            foreach (var entry in section.Entries)
            {
                var lines = entry.ReplaceLineEndings("\n").Split('\n');
                if (IsRightToLeft(entry))
                {
                    // An HTML block stands apart from the list around it.
                    if (inList)
                        markdown.AppendLine();
                    markdown.Append("<p dir=\"rtl\">").Append(string.Join("<br>", lines.Select(Html))).AppendLine("</p>").AppendLine();
                    inList = false;
                }
                else
                {
                    // A backslash at a line's end is a hard line break: the entry keeps its lines inside its item.
                    markdown.Append("- ").AppendLine(string.Join("\\\n  ", lines.Select(Literal)));
                    inList = true;
                }
            }
            if (inList)
                markdown.AppendLine();
        }
        return markdown.ToString();
    }

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

    /// <summary>A Word document (DOCX); right-to-left paragraphs for Arabic entries.</summary>
    public static byte[] ToDocx(FinalNotes notes)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Title(notes);
            document.PackageProperties.Creator = notes.DialogueName;
            document.PackageProperties.LastModifiedBy = notes.DialogueName;
            document.PackageProperties.Subject = "Summary of Discussions";

            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(Title(notes), "Title"));
            body.Append(Paragraph(notes.DialogueName + (notes.Finalized ? string.Empty : " (draft: the notes are not final yet)"), null));
            foreach (var section in notes.Sections)
            {
                body.Append(Paragraph(section.Title, "Heading1"));
                foreach (var entry in section.Entries)
                    body.Append(Paragraph(entry, null));
            }
            main.Document = new Document(body);
            AddStyles(main);
            main.Document.Save();
        }
        return stream.ToArray();
    }

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

    private static Paragraph Paragraph(string text, string? style)
    {
        var rtl = IsRightToLeft(text);
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.Append(new ParagraphStyleId { Val = style });
        if (rtl)
            properties.Append(new BiDi());
        var runProperties = new RunProperties();
        if (rtl)
            runProperties.Append(new RightToLeftText());
        var run = new Run(runProperties);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(properties, run);
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
