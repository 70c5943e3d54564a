using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Collaboration.Persistence;

/// <summary>
/// SQLite connections for Orleans' ADO.NET providers. SQLite takes one writer at a time, and a writer that
/// finds the database locked polls with growing sleeps (Microsoft.Data.Sqlite's own retry sleeps 150 ms):
/// with twenty meetings taking notes at once, that made appends wait 14 ms at the median. So this process
/// queues its own statements in order, one open connection at a time, and SQLite's busy timeout only
/// covers another process. Every commit is synced before it is acknowledged.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    /// <summary>How long a writer waits for another process's transaction before it fails.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new QueuedConnection(ConnectionString, _gate);

    /// <summary>Holds the data source's gate from open to close.</summary>
    private sealed class QueuedConnection : SqliteConnection
    {
        private readonly SemaphoreSlim _gate;
        private bool _holding;

        public QueuedConnection(string connectionString, SemaphoreSlim gate)
            : base(connectionString)
        {
            _gate = gate;
            StateChange += Configure;
        }

        public override void Open()
        {
            if (!_holding)
            {
                _gate.Wait();
                _holding = true;
            }
            try
            {
                base.Open();
            }
            catch
            {
                Release();
                throw;
            }
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            if (!_holding)
            {
                await _gate.WaitAsync(cancellationToken);
                _holding = true;
            }
            try
            {
                await base.OpenAsync(cancellationToken);
            }
            catch
            {
                Release();
                throw;
            }
        }

        public override void Close()
        {
            try
            {
                base.Close();
            }
            finally
            {
                Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            try
            {
                base.Dispose(disposing);
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (_holding)
            {
                _holding = false;
                _gate.Release();
            }
        }

        private static void Configure(object sender, StateChangeEventArgs e)
        {
            if (e.CurrentState != ConnectionState.Open || e.OriginalState == ConnectionState.Open)
                return;
            using var command = ((SqliteConnection)sender).CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
            command.ExecuteNonQuery();
        }
    }
}
