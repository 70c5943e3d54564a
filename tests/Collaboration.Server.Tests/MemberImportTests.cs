using Collaboration.Dialogues;
using Collaboration.Server.GraphQL;

namespace Collaboration.Server.Tests;

/// <summary>How the secretariat's CSV is read before the dialogue grain judges it: the file as spreadsheets save it.</summary>
public sealed class MemberImportTests
{
    [Theory]
    [InlineData(",")]
    [InlineData(";")] // spreadsheets in French
    [InlineData("\t")]
    [InlineData("|")]
    public void The_separator_is_read_from_the_header(string separator)
    {
        var (rows, problems) = MemberImport.Parse($"Email{separator}Name{separator}roles\r\nexpert@example.org{separator}\"Dupont{separator} Jean\"{separator}\"Delegate;FocalPoint\"\r\n");

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal((2, "expert@example.org", $"Dupont{separator} Jean"), (row.Line, row.Person.Email, row.Person.Name));
        Assert.Equal([DialogueRole.Delegate, DialogueRole.FocalPoint], row.Membership.Roles);
    }

    [Fact]
    public void A_value_that_spills_into_a_column_the_header_lacks_refuses_its_line_instead_of_losing_it()
    {
        var (rows, problems) = MemberImport.Parse("email;name;roles\na@example.org;A;Delegate;FocalPoint\nb@example.org;B;Delegate|FocalPoint\nc@example.org;C;Delegate;\n");

        var problem = Assert.Single(problems);
        Assert.Equal((2, "EXTRA_VALUES"), (problem.Line, problem.Reason));
        Assert.Equal(new Dictionary<string, string> { ["values"] = "4", ["columns"] = "3" }, problem.Values);
        // Roles separated by | in such a file, and an empty value after the last column, are read.
        Assert.Equal([3, 4], rows.Select(r => r.Line));
        Assert.Equal([DialogueRole.Delegate, DialogueRole.FocalPoint], rows[0].Membership.Roles);
    }
}
