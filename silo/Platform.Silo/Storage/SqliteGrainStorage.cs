using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Platform.Silo.Storage;

/// <summary>
/// Grain state in one SQLite file on local disk: the embedded, crash-safe default (WAL journal, full sync, so a
/// write that returned survives a SIGKILL or power loss). Optimistic concurrency through an integer version that
/// serves as the ETag. State is serialized with the same <see cref="IGrainStorageSerializer"/> as Redis storage.
/// </summary>
internal sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;

    public SqliteGrainStorage(string databasePath, string serviceId, IGrainStorageSerializer serializer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _serviceId = serviceId;
        _serializer = serializer;

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id TEXT NOT NULL,
                state_name TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                version    INTEGER NOT NULL,
                payload    BLOB NOT NULL,
                PRIMARY KEY (service_id, state_name, grain_id)
            ) WITHOUT ROWID;
            """);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT version, payload FROM grain_state
            WHERE service_id = $service AND state_name = $state AND grain_id = $grain;
            """, stateName, grainId);
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            var payload = (byte[])reader.GetValue(1);
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        using var connection = Open();
        long version;
        if (grainState.ETag is null)
        {
            version = 1;
            using var insert = Command(connection, """
                INSERT INTO grain_state (service_id, state_name, grain_id, version, payload)
                VALUES ($service, $state, $grain, 1, $payload)
                ON CONFLICT DO NOTHING;
                """, stateName, grainId);
            insert.Parameters.AddWithValue("$payload", payload);
            if (insert.ExecuteNonQuery() != 1) throw Conflict(stateName, grainId, grainState.ETag);
        }
        else
        {
            var expected = long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
            version = expected + 1;
            using var update = Command(connection, """
                UPDATE grain_state SET version = $next, payload = $payload
                WHERE service_id = $service AND state_name = $state AND grain_id = $grain AND version = $expected;
                """, stateName, grainId);
            update.Parameters.AddWithValue("$payload", payload);
            update.Parameters.AddWithValue("$expected", expected);
            update.Parameters.AddWithValue("$next", version);
            if (update.ExecuteNonQuery() != 1) throw Conflict(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            using var connection = Open();
            using var delete = Command(connection, """
                DELETE FROM grain_state
                WHERE service_id = $service AND state_name = $state AND grain_id = $grain AND version = $expected;
                """, stateName, grainId);
            delete.Parameters.AddWithValue("$expected", long.Parse(grainState.ETag, CultureInfo.InvariantCulture));
            if (delete.ExecuteNonQuery() != 1) throw Conflict(stateName, grainId, grainState.ETag);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection: every commit is fsynced before it returns, so acknowledged writes survive a crash.
        Execute(connection, "PRAGMA synchronous=FULL;");
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"Stored state `{stateName}` of {grainId} changed since it was read (ETag {etag ?? "none"}).");
}
