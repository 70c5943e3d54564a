using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sylvan.Data.Csv;

namespace Collaboration.Server.Tests;

/// <summary>
/// The secretariat's participant list (CSV) and attendance sheet (DOCX): who may download them, and that an
/// independent CSV reader and the Open XML SDK read back every name as it was written, formulas neutralised.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ParticipantExportTests(CollaborationFactory factory)
{
    private const string Comma = "Dupont, Jean \"JJ\"";
    private const string Arabic = "محمد بن عبد الله";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private const string At = "@SUM(A1:A9)";

    /// <summary>A two-day meeting, co-chaired and with a rapporteur, where people with awkward names accepted and one Egyptian did not answer.</summary>
    private async Task<(MeetingWorld World, string Id)> MeetingAsync()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("comma", Comma, "DELEGATE", state: "MT");
        await world.AddAsync("arabic", Arabic, "DELEGATE", state: "MA", language: "ar");
        await world.AddAsync("formula", Formula, "DELEGATE", state: "SN");
        await world.AddAsync("at", At, "AGENCY", organisation: "iom");
        var (id, _) = await world.ChairedMeetingAsync([("Opening", "2031-05-22T09:30", "2031-05-22T11:00")], ["it1", "ma1"], ["staff"],
            details: MeetingWorld.Details("2031-05-22T09:00", "2031-05-23T17:00", capacity: 20));
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { personId = world.People["comma"] }, new { personId = world.People["arabic"] }, new { personId = world.People["formula"] }, new { personId = world.People["at"] } } })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        foreach (var alias in (string[])["comma", "arabic", "formula", "at", "eg1"])
            (await MeetingWorld.ChangeAsync(await world.AsAsync(alias), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        return (world, id);
    }

    [Fact]
    public async Task Only_the_secretariat_downloads_them_others_get_403_or_404_as_for_documents()
    {
        var (world, id) = await MeetingAsync();
        foreach (var path in (string[])[$"/meetings/{id}/participants.csv", $"/meetings/{id}/attendance.docx?language=fr"])
        {
            using (var secretariat = await (await world.AsAsync("staff")).GetAsync(path, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.OK, secretariat.StatusCode);
            using (var participant = await (await world.AsAsync("eg1")).GetAsync(path, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
            using (var coChair = await (await world.AsAsync("it1")).GetAsync(path, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.Forbidden, coChair.StatusCode);
            using (var uninvited = await (await world.AsAsync("outsider")).GetAsync(path, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.NotFound, uninvited.StatusCode);
            using (var anonymous = await factory.Anonymous().GetAsync(path, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var missing = await world.Administrator.GetAsync($"/meetings/{world.Key}/nothing-here/participants.csv", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        const string Links = "query($id: ID!) { meeting(id: $id) { participantListUrl attendanceSheetUrl(language: \"ar\") viewerMay { exportParticipants } } }";
        var mine = (await world.Administrator.GraphQLAsync(Links, new { id })).EnsureNoErrors().Data("meeting");
        Assert.Equal($"/meetings/{id}/participants.csv", mine["participantListUrl"]!.GetValue<string>());
        Assert.Equal($"/meetings/{id}/attendance.docx?language=ar", mine["attendanceSheetUrl"]!.GetValue<string>());
        Assert.True(mine["viewerMay"]!["exportParticipants"]!.GetValue<bool>());
        var theirs = (await (await world.AsAsync("eg1")).GraphQLAsync(Links, new { id })).EnsureNoErrors().Data("meeting");
        Assert.Null(theirs["participantListUrl"]);
        Assert.Null(theirs["attendanceSheetUrl"]);
        Assert.False(theirs["viewerMay"]!["exportParticipants"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_CSV_reads_back_every_name_as_written_in_UTF_8_with_a_BOM_and_formulas_neutralised()
    {
        var (world, id) = await MeetingAsync();
        using var response = await world.Administrator.GetAsync($"/meetings/{id}/participants.csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"Dupont, Jean \"\"JJ\"\"\",", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var rows = new Dictionary<string, Dictionary<string, string>>();
        using (var csv = CsvDataReader.Create(new StringReader(text)))
        {
            Assert.Equal(["Name", "Partner state or organisation", "Regional group", "Role in the meeting", "Invitation", "Answered on"],
                Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
            while (await csv.ReadAsync(TestContext.Current.CancellationToken))
                rows[csv.GetString(0)] = Enumerable.Range(0, csv.FieldCount).ToDictionary(csv.GetName, csv.GetString);
        }
        Assert.Equal("Malta", rows[Comma]["Partner state or organisation"]);
        Assert.Equal("Accepted", rows[Comma]["Invitation"]);
        Assert.Equal("Morocco", rows[Arabic]["Partner state or organisation"]);
        Assert.Equal("Arab", rows[Arabic]["Regional group"]);
        // A spreadsheet would run these as formulas: they start with an apostrophe instead.
        Assert.Equal("'" + Formula, Assert.Single(rows.Keys, k => k.Contains("HYPERLINK", StringComparison.Ordinal)));
        Assert.Equal("'" + At, Assert.Single(rows.Keys, k => k.Contains("SUM", StringComparison.Ordinal)));
        Assert.Equal("co-chair", rows["Italian Co-chair"]["Role in the meeting"]);
        Assert.Equal("rapporteur", rows["Samira Staff"]["Role in the meeting"]);
        Assert.Equal("participant", rows["Egyptian Delegate"]["Role in the meeting"]);
        Assert.Matches(@"^2\d{3}-\d{2}-\d{2} \d{2}:\d{2}$", rows["Egyptian Delegate"]["Answered on"]);
        Assert.Equal("Invited", rows["Second Egyptian Delegate"]["Invitation"]);
        Assert.Equal("", rows["Second Egyptian Delegate"]["Answered on"]);
        Assert.DoesNotContain("Uninvited Member", rows.Keys);

        var french = await world.Administrator.GetByteArrayAsync($"/meetings/{id}/participants.csv?language=fr", TestContext.Current.CancellationToken);
        Assert.StartsWith("Nom,État partenaire ou organisation,", System.Text.Encoding.UTF8.GetString(french[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attendance_sheet_opens_with_Open_XML_and_has_a_row_per_participant_and_a_signature_column_per_day()
    {
        var (world, id) = await MeetingAsync();
        var docx = await world.Administrator.GetByteArrayAsync($"/meetings/{id}/attendance.docx?language=ar", TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Equal("Mediterranean Transit Migration Dialogue", document.PackageProperties.Creator);
            var body = document.MainDocumentPart!.Document.Body!;
            var paragraphs = body.Elements<Paragraph>().ToList();
            Assert.Equal("ورقة الحضور", paragraphs[0].InnerText);
            Assert.All(paragraphs, p => Assert.NotNull(p.ParagraphProperties?.BiDi));
            Assert.Equal("MTM 10-Year Anniversary Event", paragraphs[1].InnerText);
            Assert.Contains(paragraphs, p => p.InnerText.StartsWith("التواريخ: ", StringComparison.Ordinal) && p.InnerText.Contains("Europe/Malta", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.InnerText == "المكان: Mediterranean Conference Centre, Valletta, Malta");

            var table = Assert.Single(body.Elements<Table>());
            Assert.NotNull(table.GetFirstChild<TableProperties>()!.GetFirstChild<BiDiVisual>());
            var rows = table.Elements<TableRow>().ToList();
            var header = rows[0].Elements<TableCell>().Select(c => c.InnerText).ToList();
            Assert.Equal(["الرقم", "الاسم", "الدولة الشريكة أو المنظمة"], header[..3]);
            Assert.Equal(2, header.Count(h => h.StartsWith("التوقيع", StringComparison.Ordinal)));
            // Co-chairs, the rapporteur and the five who accepted; not the Egyptian who did not answer.
            var names = rows.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText).ToList();
            Assert.Equal(8, names.Count);
            Assert.Contains(Comma, names);
            Assert.Contains(Arabic, names);
            Assert.Contains(Formula, names);
            Assert.Contains("Italian Co-chair", names);
            Assert.DoesNotContain("Second Egyptian Delegate", names);
            var arabicName = rows.Single(r => r.InnerText.Contains(Arabic, StringComparison.Ordinal)).Descendants<Run>().Single(r => r.InnerText == Arabic);
            Assert.NotNull(arabicName.RunProperties?.RightToLeftText);
            Assert.All(rows.Skip(1), r => Assert.Equal(5, r.Elements<TableCell>().Count()));
        }

        var english = await world.Administrator.GetByteArrayAsync($"/meetings/{id}/attendance.docx?language=en", TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(english), false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            Assert.Equal("Attendance sheet", body.Elements<Paragraph>().First().InnerText);
            Assert.Null(body.Elements<Paragraph>().First().ParagraphProperties?.BiDi);
            Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Dates: Thursday 22 May 2031 09:00 – Friday 23 May 2031 17:00 (Europe/Malta)");
            Assert.Equal("Signature\nThu 22 May".Replace("\n", "", StringComparison.Ordinal), body.Descendants<Table>().Single().Elements<TableRow>().First().Elements<TableCell>().ElementAt(3).InnerText);
        }
    }
}
