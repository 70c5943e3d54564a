using Sylvan.Data.Csv;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// Reads the secretariat's CSV of people and affiliations into import rows. Columns (header row, any order):
/// <c>email, name, preferredLanguage, organisation, jobTitle, timeZone, roles, partnerStateCode,
/// organisationKey, city</c>; roles are separated by <c>;</c> or <c>|</c>. A line that cannot be read at all
/// becomes a problem of its own; everything else is for the dialogue grain to judge.
/// </summary>
public static class MemberImport
{
    public const int MaxCsvLength = 2 * 1024 * 1024;

    public static (List<MemberImportRow> Rows, List<ImportProblem> Problems) Parse(string csv)
    {
        if (csv.Length > MaxCsvLength)
            throw CollaborationException.Validation($"The file is over {MaxCsvLength / 1024 / 1024} MiB; split it.", "csv");
        // The reader refuses some files with exceptions of its own; each is the file's fault, so it gets a reason a person can act on.
        try
        {
            return Read(csv);
        }
        catch (CsvRecordTooLargeException)
        {
            throw CollaborationException.Validation("A line of the file is too long to be a person's record; check that it is a CSV file with one person per line.", "csv");
        }
        catch (AmbiguousColumnException e)
        {
            throw CollaborationException.Validation($"The header line names the column '{e.Name}' more than once.", "csv");
        }
        catch (CsvFormatException)
        {
            throw CollaborationException.Validation("The file is not valid CSV: look for a quote that is not closed or a character where none may be.", "csv");
        }
    }

    private static (List<MemberImportRow> Rows, List<ImportProblem> Problems) Read(string csv)
    {
        var rows = new List<MemberImportRow>();
        var problems = new List<ImportProblem>();
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        }
        catch (CsvMissingHeadersException)
        {
            throw CollaborationException.Validation("The file has no header line.", "csv");
        }
        using var owned = reader;
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim().ToLowerInvariant()).ToHashSet();
        foreach (var required in (string[])["email", "name", "roles"])
        {
            if (!header.Contains(required))
                throw CollaborationException.Validation($"The header line has no '{required}' column.", "csv");
        }

        var line = 1;
        while (reader.Read())
        {
            line++;
            string? Field(string name)
            {
                var ordinal = header.Contains(name.ToLowerInvariant()) ? reader.GetOrdinal(name) : -1;
                return ordinal >= 0 && ordinal < reader.RowFieldCount && reader.GetString(ordinal).Trim() is { Length: > 0 } v ? v : null;
            }
            // A value holding the separator unquoted (roles "Delegate;FocalPoint" in a file separated by semicolons) spills
            // into values the header has no column for: the line is refused rather than read without them.
            if (Enumerable.Range(reader.FieldCount, Math.Max(0, reader.RowFieldCount - reader.FieldCount)).Any(i => reader.GetString(i).Trim().Length > 0))
            {
                problems.Add(new ImportProblem(line, null,
                    $"The line has {reader.RowFieldCount} values for {reader.FieldCount} columns: put a value that holds the separator in quotes (or separate roles with |).",
                    "EXTRA_VALUES", new Dictionary<string, string>(StringComparer.Ordinal) { ["values"] = $"{reader.RowFieldCount}", ["columns"] = $"{reader.FieldCount}" }));
                continue;
            }
            var roles = new List<DialogueRole>();
            var unknown = new List<string>();
            foreach (var role in (Field("roles") ?? "").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Enum.TryParse<DialogueRole>(role.Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
                    && Enum.IsDefined(parsed) && !int.TryParse(role, out _))
                    roles.Add(parsed);
                else
                    unknown.Add(role);
            }
            if (unknown.Count > 0)
            {
                var known = string.Join(", ", Enum.GetNames<DialogueRole>());
                problems.Add(new ImportProblem(line, "roles", $"Unknown roles: {string.Join(", ", unknown)}. Use {known}.", "UNKNOWN_ROLES",
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["roles"] = string.Join(", ", unknown), ["known"] = known }));
                continue;
            }
            rows.Add(new MemberImportRow(
                line,
                new PersonProfile(Field("name") ?? "", Field("email") ?? "", Field("preferredLanguage") ?? Language.English, Field("organisation"), Field("jobTitle"), Field("timeZone")),
                new Membership(roles, Field("partnerStateCode"), Field("organisationKey"), Field("city"))));
        }
        return (rows, problems);
    }
}
