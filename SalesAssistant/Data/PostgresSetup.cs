using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesAssistant.Data;

/// <summary>
/// How the app uses PostgreSQL. Every transaction the app begins is SERIALIZABLE: the read-then-write steps (a
/// consultation's step checked and changed, a version compared and raised) keep the guarantee SQLite's single writer
/// gives them, and PostgreSQL tells a transaction that lost a race with a serialization failure instead of letting
/// both write. <see cref="BusyRetry"/> runs such a write again, whole.
/// </summary>
public static class PostgresSetup
{
    /// <summary>The text search configuration of the product search (migration ProductFullTextSearch): unaccent, then simple.</summary>
    public const string SearchConfiguration = "sales_search";

    public static TBuilder UseSalesPostgres<TBuilder>(this TBuilder options, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString).AddInterceptors(SerializableTransactions.Instance);
        return options;
    }

    private sealed class SerializableTransactions : DbTransactionInterceptor
    {
        public static readonly SerializableTransactions Instance = new();

        public override InterceptionResult<DbTransaction> TransactionStarting(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
            eventData.IsolationLevel == IsolationLevel.Unspecified
                ? InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(IsolationLevel.Serializable))
                : result;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            eventData.IsolationLevel == IsolationLevel.Unspecified
                ? InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken))
                : result;
    }
}
