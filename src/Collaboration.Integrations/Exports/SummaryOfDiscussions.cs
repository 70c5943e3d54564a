using System.Net;
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

    /// <summary>Markdown; an Arabic entry becomes a right-to-left HTML paragraph, which Markdown renderers keep.</summary>
    public static string ToMarkdown(FinalNotes notes)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(Title(notes)).AppendLine();
        markdown.AppendLine($"*{notes.DialogueName}*{(notes.Finalized ? string.Empty : " (draft: the notes are not final yet)")}").AppendLine();
        foreach (var section in notes.Sections)
        {
            markdown.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var entry in section.Entries)
            {
                if (IsRightToLeft(entry))
                    markdown.Append("<p dir=\"rtl\">").Append(WebUtility.HtmlEncode(entry).ReplaceLineEndings("<br>")).AppendLine("</p>");
                else
                    markdown.Append("- ").AppendLine(WebUtility.HtmlEncode(entry).ReplaceLineEndings("\n  "));
                markdown.AppendLine();
            }
        }
        return markdown.ToString();
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
