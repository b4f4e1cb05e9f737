using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>
/// Writes what a dossier write staged in its context (rows added, columns marked modified, rows deleted) with one
/// plain statement per row in the open transaction, in place of SaveChanges (ADR 0021). Profiled, SaveChanges'
/// pipeline (modification commands, a topological sort, batch SQL built on every call and, on SQLite, every
/// statement of that batch prepared again) was about half of the group-commit writer's time, and the writer is
/// what caps group commit. The staging stays EF's: rows are added, attached by key and merged in the change
/// tracker exactly as before; only the writing is ours.
/// <para>
/// Nothing is guessed: table and column names, keys, concurrency tokens and store-generated keys come from the
/// EF model, and every parameter is made by the column's own type mapping (value converters included), so a row
/// is written exactly as SaveChanges wrote it. An UPDATE or DELETE matches its key (and its concurrency tokens'
/// original values) and must touch exactly one row; when it touches none the write fails with
/// <see cref="StaleRowException"/> naming the row, as SaveChanges' concurrency failure did. A statement the
/// database refuses (a duplicate key) fails it with a <see cref="DbUpdateException"/>, as before.
/// </para>
/// SQLite runs the statements one by one on the write's connection (in-process, no round trips), each shape
/// prepared once per write; PostgreSQL gets them in one command, one round trip (several for a very large write).
/// </summary>
internal static class StagedRowWriter
{
    private static readonly ConcurrentDictionary<(IEntityType Type, EntityState State, ulong Columns), Statement> Statements = new();

    public static async Task WriteAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var rows = Staged(db);
        if (rows.Count == 0)
        {
            return;
        }

        var write = new Write(db);
        try
        {
            if (StorageDialect.Of(db).WritesRowsInOneCommand)
            {
                await WriteInOneCommandAsync(write, rows, cancellationToken);
            }
            else
            {
                await WriteOneByOneAsync(write, rows, cancellationToken);
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("The database refused a row of the write: " + e.Message, e);
        }
    }

    /// <summary>
    /// Rows to write, the new dossiers first: every other row refers to its dossier. Register ledger rows go last:
    /// a number lost to another dossier must fail on the register's conditional update, which names the change
    /// that lost it, before the ledger's keys refuse the number as a duplicate.
    /// </summary>
    private static List<EntityEntry> Staged(WorkflowsDbContext db)
    {
        var rows = new List<EntityEntry>();
        var rest = new List<EntityEntry>();
        var ledger = new List<EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (entry.Entity switch
                {
                    DossierRow when entry.State == EntityState.Added => rows,
                    IssuedNumberRow => ledger,
                    _ => rest,
                }).Add(entry);
            }
        }

        rows.AddRange(rest);
        rows.AddRange(ledger);
        return rows;
    }

    /// <summary>SQLite (in-process, no round trips): each row its own statement, each shape prepared once per write.</summary>
    private static async Task WriteOneByOneAsync(Write write, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var commands = new Dictionary<Statement, DbCommand>();
        try
        {
            foreach (var row in rows)
            {
                var statement = write.StatementOf(row);
                if (commands.TryGetValue(statement, out var command))
                {
                    command.Parameters.Clear();
                }
                else
                {
                    command = write.NewCommand(statement.Text);
                    commands[statement] = command;
                }

                statement.Bind(row, command, 0);
                Statement.Check(row, await write.ExecuteNonQueryAsync(command, cancellationToken));
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    // A command carries at most this many statements and parameters (PostgreSQL refuses more than 65,535 parameters
    // in one command); a larger write (a big group-commit batch) goes in several commands of the same transaction.
    private const int MaxStatementsPerCommand = 500;
    private const int MaxParametersPerCommand = 30_000;

    /// <summary>
    /// A server database: the rows' statements in as few commands as the limits allow (one round trip each; a
    /// dossier write is one), each statement ending "RETURNING 1", so statement i answers with result set i holding
    /// one row per row it touched.
    /// </summary>
    private static async Task WriteInOneCommandAsync(Write write, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var statements = rows.Select(write.StatementOf).ToList();
        for (var first = 0; first < rows.Count;)
        {
            var (count, parameters) = (0, 0);
            while (first + count < rows.Count && count < MaxStatementsPerCommand
                && (count == 0 || parameters + statements[first + count].ParameterCount <= MaxParametersPerCommand))
            {
                parameters += statements[first + count].ParameterCount;
                count++;
            }

            await WriteCommandAsync(write, rows.GetRange(first, count), statements.GetRange(first, count), cancellationToken);
            first += count;
        }
    }

    private static async Task WriteCommandAsync(Write write, List<EntityEntry> rows, List<Statement> statements, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var offsets = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            offsets[i] = i == 0 ? 0 : offsets[i - 1] + statements[i - 1].ParameterCount;
            text.Append(statements[i].TextAt(offsets[i])).Append(" RETURNING 1;\n");
        }

        await using var command = write.NewCommand(text.ToString());
        for (var i = 0; i < rows.Count; i++)
        {
            statements[i].Bind(rows[i], command, offsets[i]);
        }

        await using var reader = await write.ExecuteReaderAsync(command, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The database answered {i} of the command's {rows.Count} statements.");
            }

            var touched = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                touched++;
            }

            Statement.Check(rows[i], touched);
        }
    }

    /// <summary>
    /// One write's connection, transaction and EF's command diagnostics: statements are reported to EF's
    /// interceptors and logging as EF's own are (the SQL log and the bench's meter see every row).
    /// </summary>
    private sealed class Write(WorkflowsDbContext db)
    {
        private readonly IRelationalConnection connection = db.GetService<IRelationalConnection>();
        private readonly IRelationalCommandDiagnosticsLogger logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
        private readonly DbTransaction transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Staged rows are written only inside the write's transaction.");

        public Statement StatementOf(EntityEntry row) => StagedRowWriter.StatementOf(row, sql);

        public DbCommand NewCommand(string text)
        {
            var command = connection.DbConnection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            return command;
        }

        public Task<int> ExecuteNonQueryAsync(DbCommand command, CancellationToken cancellationToken) => RunAsync(
            command,
            DbCommandMethod.ExecuteNonQuery,
            (id, started) => logger.CommandNonQueryExecutingAsync(connection, command, command.CommandText, db, id, connection.ConnectionId, started, CommandSource.SaveChanges, cancellationToken),
            () => command.ExecuteNonQueryAsync(cancellationToken),
            (id, result, started, took) => logger.CommandNonQueryExecutedAsync(connection, command, command.CommandText, db, id, connection.ConnectionId, result, started, took, CommandSource.SaveChanges, cancellationToken),
            cancellationToken);

        public Task<DbDataReader> ExecuteReaderAsync(DbCommand command, CancellationToken cancellationToken) => RunAsync(
            command,
            DbCommandMethod.ExecuteReader,
            (id, started) => logger.CommandReaderExecutingAsync(connection, command, command.CommandText, db, id, connection.ConnectionId, started, CommandSource.SaveChanges, cancellationToken),
            () => command.ExecuteReaderAsync(cancellationToken),
            (id, result, started, took) => logger.CommandReaderExecutedAsync(connection, command, command.CommandText, db, id, connection.ConnectionId, result, started, took, CommandSource.SaveChanges, cancellationToken),
            cancellationToken);

        /// <summary>Runs a command between EF's "executing" and "executed" (or "error") events, honouring an interceptor's result.</summary>
        private async Task<T> RunAsync<T>(
            DbCommand command,
            DbCommandMethod method,
            Func<Guid, DateTimeOffset, ValueTask<InterceptionResult<T>>> executing,
            Func<Task<T>> execute,
            Func<Guid, T, DateTimeOffset, TimeSpan, ValueTask<T>> executed,
            CancellationToken cancellationToken)
        {
            var (id, started, clock) = (Guid.NewGuid(), DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.StartNew());
            var intercepted = await executing(id, started);
            try
            {
                var result = intercepted.HasResult ? intercepted.Result : await execute();
                return await executed(id, result, started, clock.Elapsed);
            }
            catch (DbException e)
            {
                await logger.CommandErrorAsync(connection, command, command.CommandText, db, method, id, connection.ConnectionId, e, started, clock.Elapsed, CommandSource.SaveChanges, cancellationToken);
                throw;
            }
        }
    }

    private static Statement StatementOf(EntityEntry row, ISqlGenerationHelper sql)
    {
        var type = row.Metadata;
        var properties = type.GetProperties() as IReadOnlyList<IProperty> ?? [.. type.GetProperties()];
        var columns = 0UL;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var written = row.State switch
            {
                EntityState.Added => !(property.ValueGenerated != ValueGenerated.Never && row.Property(property).IsTemporary),
                EntityState.Modified => !property.IsPrimaryKey() && row.Property(property).IsModified,
                _ => false,
            };
            if (written)
            {
                columns |= 1UL << i;
            }
        }

        return Statements.GetOrAdd((type, row.State, columns), key => Statement.Create(key.Type, key.State, key.Columns, sql));
    }

    /// <summary>
    /// One statement shape: its SQL as a template whose parameters are numbered from an offset (so several statements
    /// can share one command) and, in parameter order, which property's current or original value each one carries.
    /// </summary>
    private sealed class Statement
    {
        private readonly string template;
        private readonly (IProperty Property, bool Original)[] parameters;
        private readonly ISqlGenerationHelper sql;

        private Statement(string template, (IProperty Property, bool Original)[] parameters, ISqlGenerationHelper sql)
        {
            this.template = template;
            this.parameters = parameters;
            this.sql = sql;
            Text = TextAt(0);
        }

        /// <summary>The statement with its parameters numbered from 0.</summary>
        public string Text { get; }

        public int ParameterCount => parameters.Length;

        public static Statement Create(IEntityType type, EntityState state, ulong columns, ISqlGenerationHelper sql)
        {
            var properties = type.GetProperties().ToList();
            if (properties.Count > 64)
            {
                throw new NotSupportedException($"{type.DisplayName()} has more than 64 columns; the staged-row writer marks columns in a 64-bit mask.");
            }

            var chosen = properties.Where((_, i) => (columns & (1UL << i)) != 0).ToList();
            var parameters = new List<(IProperty, bool)>();
            string Parameter(IProperty property, bool original)
            {
                parameters.Add((property, original));
                return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            }

            // Identifiers go into a format template: braces doubled.
            string Escaped(string identifier) => identifier.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
            string Column(IProperty property) => Escaped(sql.DelimitIdentifier(property.GetColumnName()));
            var table = Escaped(sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()));
            var text = new StringBuilder();
            if (state == EntityState.Added)
            {
                text.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", chosen.Select(Column)).Append(") VALUES (")
                    .AppendJoin(", ", chosen.Select(p => Parameter(p, original: false))).Append(')');
                return new Statement(text.ToString(), [.. parameters], sql);
            }

            text.Append(state == EntityState.Modified ? "UPDATE " : "DELETE FROM ").Append(table);
            if (state == EntityState.Modified)
            {
                text.Append(" SET ").AppendJoin(", ", chosen.Select(p => Column(p) + " = " + Parameter(p, original: false)));
            }

            // The key never changes; a concurrency token is matched on the value the write was decided on.
            var conditions = type.FindPrimaryKey()!.Properties.Select(p => Column(p) + " = " + Parameter(p, original: false))
                .Concat(properties.Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey()).Select(p => p.IsNullable
                    ? throw new NotSupportedException($"{type.DisplayName()}.{p.Name} is a nullable concurrency token; the staged-row writer matches tokens with '='.")
                    : Column(p) + " = " + Parameter(p, original: true)));
            text.Append(" WHERE ").AppendJoin(" AND ", conditions);
            return new Statement(text.ToString(), [.. parameters], sql);
        }

        /// <summary>The statement with its parameters numbered from <paramref name="offset"/>.</summary>
        public string TextAt(int offset) => string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            template,
            [.. Enumerable.Range(offset, parameters.Length).Select(n => sql.GenerateParameterNamePlaceholder(NameOf(n)))]);

        /// <summary>Adds the row's values as the statement's parameters, numbered from <paramref name="offset"/>.</summary>
        public void Bind(EntityEntry row, DbCommand command, int offset)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var (property, original) = parameters[i];
                var value = original || property.IsShadowProperty()
                    ? (original ? row.Property(property).OriginalValue : row.Property(property).CurrentValue)
                    : property.GetGetter().GetClrValueUsingContainingEntity(row.Entity);
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(NameOf(offset + i)), value, property.IsNullable));
            }
        }

        public static void Check(EntityEntry row, int touched)
        {
            if (touched != 1)
            {
                throw new StaleRowException(row.Entity, $"{row.State} of a {row.Metadata.DisplayName()} touched {touched} rows instead of one: the row is not what the write was decided on.");
            }
        }

        private static string NameOf(int index) => "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>An UPDATE or DELETE of a staged row matched no row: someone changed it first, or it never existed. Nothing of the write is committed.</summary>
internal sealed class StaleRowException(object row, string message) : Exception(message)
{
    public object Row { get; } = row;
}
