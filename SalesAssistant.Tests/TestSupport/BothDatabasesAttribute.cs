using System.Reflection;
using SalesAssistant.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// Runs a theory once per database provider, so SQLite and PostgreSQL cannot drift apart: the test takes a
/// <see cref="DatabaseProvider"/> parameter and hands it to <see cref="TestDatabase"/> or <see cref="AppServer"/>.
/// A test class whose fixture makes the database takes the provider in its constructor instead, and two nested classes
/// run all its tests once per provider:
/// <code>
/// public abstract class CounterServiceTests(DatabaseProvider provider) : IAsyncLifetime
/// {
///     public sealed class OnSqlite() : CounterServiceTests(DatabaseProvider.Sqlite);
///
///     public sealed class OnPostgres() : CounterServiceTests(DatabaseProvider.Postgres);
/// </code>
/// </summary>
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
