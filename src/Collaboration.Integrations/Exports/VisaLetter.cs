using System.Globalization;
using Collaboration.Meetings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Integrations.Exports;

/// <summary>
/// The visa-support letter of an invitee (DOCX, one page): the secretariat confirms to the consular section of the
/// host country's embassy that the person is invited, with their passport and travel. In Arabic the body reads right
/// to left, as the summary of discussions does. Countries come in a form that needs no article or adjective ("ambassade :
/// Malte", "nationalité : Maroc"), since a name alone cannot say "du Maroc" or "marocaine".
/// </summary>
public static class VisaLetter
{
    public static byte[] ToDocx(VisaLetterFacts facts, string language)
    {
        var rtl = language == "ar";
        var lines = Lines(facts, language);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = lines[0];
            document.PackageProperties.Creator = facts.DialogueName;
            document.PackageProperties.Language = language;
            var main = document.AddMainDocumentPart();
            var body = new Body();
            for (var i = 0; i < lines.Count; i++)
                body.Append(Paragraph(lines[i], rtl, bold: i == 0));
            if (rtl)
                body.Append(new SectionProperties(new BiDi()));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The letter's paragraphs in order: heading, addressee, date, body, travel, funding, closing, signature.</summary>
    public static IReadOnlyList<string> Lines(VisaLetterFacts f, string language)
    {
        string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        switch (language)
        {
            case "fr":
                lines.Add("Lettre d'appui à une demande de visa");
                lines.Add($"À qui de droit / Section consulaire de l'ambassade : {f.HostCountryName}");
                lines.Add($"Le {D(f.IssuedOn)}");
                lines.Add($"Le secrétariat de {f.DialogueName} confirme que {f.NameAsInPassport} (nationalité : {f.NationalityName}), titulaire du passeport n° {f.PassportNumber} valable jusqu'au {D(f.PassportExpires)}"
                    + (f.Affiliation is { } a ? $", représentant {a}," : ",")
                    + $" est invité(e) à participer à {f.MeetingTitle} à {f.City}, {f.HostCountryName}, du {D(f.Starts)} au {D(f.Ends)}.");
                if (f.Arrival is { } arrivalFr)
                    lines.Add($"Arrivée prévue : {D(arrivalFr)}.");
                if (f.Departure is { } departureFr)
                    lines.Add($"Départ prévu : {D(departureFr)}.");
                lines.Add("Nous vous remercions de bien vouloir faciliter la délivrance du visa nécessaire.");
                lines.Add($"Le secrétariat de {f.DialogueName}");
                break;
            case "ar":
                lines.Add("رسالة دعم طلب تأشيرة");
                lines.Add($"إلى من يهمه الأمر / إلى القسم القنصلي لسفارة {f.HostCountryName}");
                lines.Add($"بتاريخ {D(f.IssuedOn)}");
                lines.Add($"تؤكد أمانة {f.DialogueName} أن {f.NameAsInPassport} (الجنسية: {f.NationalityName})، حامل جواز السفر رقم {f.PassportNumber} الصالح حتى {D(f.PassportExpires)}"
                    + (f.Affiliation is { } b ? $"، ممثل {b}،" : "،")
                    + $" مدعو للمشاركة في {f.MeetingTitle} في {f.City}، {f.HostCountryName}، من {D(f.Starts)} إلى {D(f.Ends)}.");
                if (f.Arrival is { } arrivalAr)
                    lines.Add($"تاريخ الوصول: {D(arrivalAr)}.");
                if (f.Departure is { } departureAr)
                    lines.Add($"تاريخ المغادرة: {D(departureAr)}.");
                lines.Add("نرجو منكم تسهيل منح التأشيرة اللازمة.");
                lines.Add($"أمانة {f.DialogueName}");
                break;
            default:
                lines.Add("Visa support letter");
                lines.Add($"To whom it may concern / To the consular section of the Embassy of {f.HostCountryName}");
                lines.Add($"Date: {D(f.IssuedOn)}");
                lines.Add($"The secretariat of {f.DialogueName} confirms that {f.NameAsInPassport}, national of {f.NationalityName}, passport {f.PassportNumber} valid until {D(f.PassportExpires)}"
                    + (f.Affiliation is { } c ? $", representing {c}," : ",")
                    + $" is invited to take part in {f.MeetingTitle} in {f.City}, {f.HostCountryName}, from {D(f.Starts)} to {D(f.Ends)}.");
                if (f.Arrival is { } arrival)
                    lines.Add($"Expected arrival: {D(arrival)}.");
                if (f.Departure is { } departure)
                    lines.Add($"Expected departure: {D(departure)}.");
                lines.Add("We kindly ask you to facilitate the issuance of the necessary visa.");
                lines.Add($"The secretariat of {f.DialogueName}");
                break;
        }
        return lines;
    }

    private static Paragraph Paragraph(string text, bool rtl, bool bold)
    {
        var properties = new ParagraphProperties();
        if (rtl)
            properties.Append(new BiDi());
        var runProperties = new RunProperties();
        if (bold)
            runProperties.Append(new Bold());
        if (rtl)
            runProperties.Append(new RightToLeftText());
        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
