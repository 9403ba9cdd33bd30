using Npgsql;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// The throwaway PostgreSQL cluster of a test run: scripts/test.sh starts it (scripts/postgres-cluster.sh) and passes its
/// connection string in <see cref="Variable"/>. Each test gets a database of its own in it, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SALES_TEST_POSTGRES";

    /// <summary>The cluster's connection string, without a database.</summary>
    public static string Cluster => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cluster
        ? cluster
        : throw new InvalidOperationException(
            $"{Variable} is not set, and the tests on PostgreSQL need a cluster to run on: run the tests with `bash scripts/test.sh`, "
            + $"which starts a throwaway one, or start one yourself with `scripts/postgres-cluster.sh start DIR` and export {Variable} "
            + "with the connection string it prints.");

    public static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Cluster) { Database = database, Pooling = pooling, IncludeErrorDetail = true }.ToString();

    /// <summary>A new database with a name of its own: empty, or a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = NewName();
        await ExecuteAsync(CreateSql(name, template));
        return name;
    }

    /// <summary>A new, empty database, for a caller that cannot wait asynchronously (a field initializer).</summary>
    public static string CreateDatabase()
    {
        var name = NewName();
        using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(CreateSql(name, template: null), connection);
        command.ExecuteNonQuery();
        return name;
    }

    private static string NewName() => "sales_test_" + Guid.NewGuid().ToString("N");

    private static string CreateSql(string name, string? template) =>
        template is null ? $"""CREATE DATABASE "{name}" """ : $"""CREATE DATABASE "{name}" TEMPLATE "{template}" """;

    /// <summary>Drops the database, closing whatever connections to it are still open (the pool's, a test's).</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
