using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflows.Bench.Persisted;

/// <summary>Totals of what EF sent to the database since the meter was created; subtract two to get one operation's.</summary>
public readonly record struct SqlTotals(long Statements, long StatementTicks, long Commits, long CommitTicks, long BeginTicks, long Opens, long OpenTicks)
{
    public static SqlTotals operator -(SqlTotals a, SqlTotals b) => new(
        a.Statements - b.Statements, a.StatementTicks - b.StatementTicks, a.Commits - b.Commits, a.CommitTicks - b.CommitTicks,
        a.BeginTicks - b.BeginTicks, a.Opens - b.Opens, a.OpenTicks - b.OpenTicks);

    public static SqlTotals operator +(SqlTotals a, SqlTotals b) => new(
        a.Statements + b.Statements, a.StatementTicks + b.StatementTicks, a.Commits + b.Commits, a.CommitTicks + b.CommitTicks,
        a.BeginTicks + b.BeginTicks, a.Opens + b.Opens, a.OpenTicks + b.OpenTicks);

    public SqlTotals Subtract(SqlTotals other) => this - other;

    public SqlTotals Add(SqlTotals other) => this + other;
}

/// <summary>
/// An EF interceptor that counts statements and adds up the time the database driver spent on them, on
/// BEGIN, on COMMIT (where the durable flush happens) and on opening connections, so the profile can split a
/// command's time between the database and everything around it (EF, serialization, the runtime).
/// </summary>
public sealed class SqlMeter : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private long statements;
    private long statementTicks;
    private long commits;
    private long commitTicks;
    private long beginTicks;
    private long opens;
    private long openTicks;

    public SqlTotals Totals => new(
        Interlocked.Read(ref statements), Interlocked.Read(ref statementTicks), Interlocked.Read(ref commits), Interlocked.Read(ref commitTicks),
        Interlocked.Read(ref beginTicks), Interlocked.Read(ref opens), Interlocked.Read(ref openTicks));

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Statement(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Statement(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Statement(eventData);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Interlocked.Add(ref beginTicks, Ticks(eventData.Duration));
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Interlocked.Increment(ref commits);
        Interlocked.Add(ref commitTicks, Ticks(eventData.Duration));
        return Task.CompletedTask;
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Interlocked.Increment(ref opens);
        Interlocked.Add(ref openTicks, Ticks(eventData.Duration));
        return Task.CompletedTask;
    }

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private void Statement(CommandExecutedEventData eventData)
    {
        Interlocked.Increment(ref statements);
        Interlocked.Add(ref statementTicks, Ticks(eventData.Duration));
    }
}
