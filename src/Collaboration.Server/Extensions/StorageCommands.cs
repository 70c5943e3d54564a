using Collaboration.Persistence;
using Microsoft.Data.Sqlite;

namespace Collaboration.Server.Extensions;

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c> for the embedded profile, with the server's own
/// settings (so the same database is meant). A backup is consistent while the server runs: it goes through
/// SQLite's online backup API. A restore replaces the database with the backup's contents the same way;
/// stop the server first, since its grains hold state in memory. PostgreSQL has pg_dump and pg_restore.
/// </summary>
public static class StorageCommands
{
    /// <summary>Runs the command the arguments name and answers its exit code, or null when they name none.</summary>
    public static int? Run(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
            return null;
        var verb = args[0];
        var option = verb == "backup" ? "--to" : "--from";
        var at = Array.IndexOf(args, option);
        if (at < 0 || at + 1 >= args.Length)
        {
            Console.Error.WriteLine($"Usage: {verb} {option} FILE (and the server's usual settings, e.g. --Storage:ConnectionString).");
            return 2;
        }
        var file = Path.GetFullPath(args[at + 1]);
        var settings = args.Where((_, i) => i != 0 && i != at && i != at + 1).ToArray();
        var configuration = WebApplication.CreateBuilder(settings).Configuration;
        StorageOptions storage;
        try
        {
            storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type: the binder's message names the setting.
            Console.Error.WriteLine($"Collaboration cannot {verb}: {e.Message}");
            return 2;
        }
        if (storage.Provider != StorageProvider.Sqlite)
        {
            Console.Error.WriteLine("This command backs up the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (see the README).");
            return 2;
        }
        try
        {
            if (verb == "backup")
            {
                Copy(storage.ConnectionString, $"Data Source={file};Pooling=False");
                Console.WriteLine($"Backed up {Describe(storage.ConnectionString)} to {file} ({new FileInfo(file).Length} bytes).");
            }
            else
            {
                Check(file);
                Copy($"Data Source={file};Mode=ReadOnly;Pooling=False", storage.ConnectionString);
                Console.WriteLine($"Restored {Describe(storage.ConnectionString)} from {file}.");
            }
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"The {verb} failed: {e.Message}");
            return 3;
        }
    }

    /// <summary>SQLite's online backup: a consistent copy page by page, whatever else writes meanwhile.</summary>
    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection(from);
        source.Open();
        var target = new SqliteConnectionStringBuilder(to).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        using var destination = new SqliteConnection(to);
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>A backup worth restoring: intact, and a Collaboration database.</summary>
    private static void Check(string file)
    {
        if (!File.Exists(file))
            throw new InvalidOperationException($"There is no backup at {file}.");
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        if (command.ExecuteScalar() as string != "ok")
            throw new InvalidOperationException($"{file} is damaged (integrity check failed).");
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'CollaborationSchema'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            throw new InvalidOperationException($"{file} is not a Collaboration database.");
    }

    private static string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
