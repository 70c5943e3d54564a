using Microsoft.Data.Sqlite;

namespace Collaboration.Server.Tests;

/// <summary>Grain states as the embedded database holds them, read straight from the SQLite file.</summary>
public static class StoredStates
{
    /// <summary>Each stored state's grain type, key and payload (as UTF-8 and as UTF-16 text, so a search finds either).</summary>
    public static List<(string Type, string Key, string Text)> Read(string databasePath, params string[] grainTypes)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainTypeString, GrainIdExtensionString, PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        var rows = new List<(string, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var type = reader.GetString(0);
            if (grainTypes.Length > 0 && !grainTypes.Contains(type))
                continue;
            var payload = (byte[])reader.GetValue(2);
            rows.Add((type, reader.IsDBNull(1) ? "" : reader.GetString(1), System.Text.Encoding.UTF8.GetString(payload) + " " + System.Text.Encoding.Unicode.GetString(payload)));
        }
        return rows;
    }
}
