using System.Globalization;
using System.Text;
using Collaboration.Integrations.Calendar;
using Collaboration.Meetings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Integrations.Exports;

/// <summary>
/// The secretariat's lists of a meeting's people: the participant list as CSV (RFC 4180, UTF-8 with a byte
/// order mark so Excel reads Arabic names, cells that a spreadsheet would run as a formula neutralised) and the
/// attendance sheet as a Word document (the meeting, then those taking part with a signature column per day;
/// right to left in Arabic). Headings in Arabic, English or French.
/// </summary>
public static class ParticipantExports
{
    private sealed record Words(
        string Name, string Affiliation, string RegionalGroup, string Role, string Status, string RespondedAt,
        string CoChair, string Rapporteur, string Moderator, string Participant,
        string Invited, string Accepted, string Tentative, string Declined, string Withdrawn, string Waitlisted,
        string AttendanceSheet, string Dates, string Venue, string Number, string Signature, string Participants);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new(
            "Name", "Partner state or organisation", "Regional group", "Role in the meeting", "Invitation", "Answered on",
            "co-chair", "rapporteur", "moderator", "participant",
            "Invited", "Accepted", "Maybe", "Declined", "Withdrawn", "On the waiting list",
            "Attendance sheet", "Dates", "Venue", "No.", "Signature", "Participants"),
        ["fr"] = new(
            "Nom", "État partenaire ou organisation", "Groupe régional", "Rôle dans la réunion", "Invitation", "Réponse le",
            "coprésident(e)", "rapporteur(e)", "modérateur(rice)", "participant(e)",
            "Invité", "Accepté", "Peut-être", "Décliné", "Retiré", "Sur liste d'attente",
            "Feuille de présence", "Dates", "Lieu", "N°", "Signature", "Participants"),
        ["ar"] = new(
            "الاسم", "الدولة الشريكة أو المنظمة", "المجموعة الإقليمية", "الدور في الاجتماع", "الدعوة", "تاريخ الرد",
            "رئيس مشارك", "مقرر", "مدير الجلسة", "مشارك",
            "مدعو", "قبِل الدعوة", "ربما", "اعتذر", "سُحبت الدعوة", "في قائمة الانتظار",
            "ورقة الحضور", "التواريخ", "المكان", "الرقم", "التوقيع", "المشاركون"),
    };

    private static Words TextsFor(string language) => Texts.GetValueOrDefault(language) ?? Texts["en"];

    /// <summary>The participant list: one row per person the meeting names, with a header row; bytes of UTF-8 with a byte order mark.</summary>
    public static byte[] ToCsv(ParticipantList list, string language)
    {
        var words = TextsFor(language);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(list.TimeZone);
        var csv = new StringBuilder();
        Line(csv, [words.Name, words.Affiliation, words.RegionalGroup, words.Role, words.Status, words.RespondedAt]);
        foreach (var row in list.Rows)
        {
            Line(csv, [
                row.Name,
                row.Affiliation ?? string.Empty,
                row.RegionalGroup ?? string.Empty,
                RolesOf(row, words),
                row.Status is { } status ? StatusOf(status, words) : string.Empty,
                row.RespondedAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One CSV cell, neutralised and quoted: a cell a spreadsheet would read as a formula (=, +, -, @, or a tab
    /// or carriage return first) gets a leading apostrophe; a cell with a comma, quote or line break is quoted,
    /// its quotes doubled (RFC 4180).
    /// </summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string RolesOf(ParticipantRow row, Words words) => row.Roles.Count == 0
        ? words.Participant
        : string.Join("; ", row.Roles.Select(role => role switch
        {
            MeetingRole.CoChair => words.CoChair,
            MeetingRole.Rapporteur => words.Rapporteur,
            _ => words.Moderator,
        }));

    private static string StatusOf(InvitationStatus status, Words words) => status switch
    {
        InvitationStatus.Invited => words.Invited,
        InvitationStatus.Accepted => words.Accepted,
        InvitationStatus.Tentative => words.Tentative,
        InvitationStatus.Declined => words.Declined,
        InvitationStatus.Withdrawn => words.Withdrawn,
        _ => words.Waitlisted,
    };

    /// <summary>
    /// The attendance sheet: the meeting's title, dates and place, then a table of those taking part (number,
    /// name, whom they represent) with a signature column per day of the meeting; landscape from three days on.
    /// </summary>
    public static byte[] ToDocx(ParticipantList list, string language)
    {
        var words = TextsFor(language);
        var rtl = language == "ar";
        var title = list.TitleIn(language);
        var days = LocalDates.Days(list.StartsLocal, list.EndsLocal);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{words.AttendanceSheet}: {title}";
            document.PackageProperties.Creator = list.DialogueName;
            document.PackageProperties.LastModifiedBy = list.DialogueName;
            document.PackageProperties.Language = language;

            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(words.AttendanceSheet, rtl, "Title"));
            body.Append(Paragraph(title, rtl, "Heading1"));
            body.Append(Paragraph($"{words.Dates}: {LocalDates.Span(list.StartsLocal, list.EndsLocal, list.TimeZone, language)}", rtl, null));
            body.Append(Paragraph(
                $"{words.Venue}: {string.Join(", ", new[] { list.Venue, list.City, list.HostCountry }.Where(t => !string.IsNullOrWhiteSpace(t)))}", rtl, null));
            body.Append(Paragraph(list.DialogueName, rtl, null));
            body.Append(Table(list, words, days, language, rtl));
            body.Append(Section(landscape: days.Count > 2, rtl));
            main.Document = new Document(body);
            AddStyles(main, language);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(ParticipantList list, Words words, IReadOnlyList<DateTime> days, string language, bool rtl)
    {
        var properties = new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        if (rtl)
            properties.Append(new BiDiVisual());
        var table = new Table(properties);

        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var heading in new[] { words.Number, words.Name, words.Affiliation }.Concat(days.Select(d => $"{words.Signature}\n{LocalDates.ShortDay(d, language)}")))
            header.Append(Cell(heading, rtl, bold: true));
        table.Append(header);

        var number = 0;
        foreach (var row in list.Rows.Where(r => r.TakesPart))
        {
            // Room to sign: at least a centimetre per row.
            var line = new TableRow(new TableRowProperties(new TableRowHeight { Val = 600, HeightType = HeightRuleValues.AtLeast }, new CantSplit()));
            line.Append(Cell((++number).ToString(CultureInfo.InvariantCulture), rtl, bold: false));
            line.Append(Cell(row.Name, rtl, bold: false));
            line.Append(Cell(row.Affiliation ?? string.Empty, rtl, bold: false));
            foreach (var _ in days)
                line.Append(Cell(string.Empty, rtl, bold: false));
            table.Append(line);
        }
        return table;
    }

    private static TableCell Cell(string text, bool rtl, bool bold) =>
        new(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), Paragraph(text, rtl, null, bold));

    /// <summary>
    /// A paragraph laid out right to left in an Arabic sheet; its text read right to left when it is Arabic
    /// (a Latin name in an Arabic sheet keeps its own order).
    /// </summary>
    private static Paragraph Paragraph(string text, bool rtl, string? style, bool bold = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.Append(new ParagraphStyleId { Val = style });
        if (rtl)
            properties.Append(new BiDi());
        var runProperties = new RunProperties();
        if (bold)
            runProperties.Append(new Bold());
        if (SummaryOfDiscussions.IsRightToLeft(text))
            runProperties.Append(new RightToLeftText());
        var run = new Run(runProperties);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(properties, run);
    }

    /// <summary>A4, landscape for long meetings; the section reads right to left in Arabic.</summary>
    private static SectionProperties Section(bool landscape, bool rtl)
    {
        var section = new SectionProperties(
            landscape
                ? new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 851, Bottom = 851, Left = 851U, Right = 851U, Header = 425U, Footer = 425U, Gutter = 0U });
        if (rtl)
            section.Append(new BiDi());
        return section;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Segoe UI", HighAnsi = "Segoe UI", ComplexScript = "Segoe UI" },
                new FontSize { Val = "20" },
                new FontSizeComplexScript { Val = "20" },
                new Languages { Val = language == "fr" ? "fr-FR" : "en-GB", Bidi = "ar-SA" }))),
            new Style(new StyleName { Val = "Title" }, new StyleRunProperties(new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }, new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" });
        styles.Styles.Save();
    }
}
