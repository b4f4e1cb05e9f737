namespace Workflows.Api.Tests;

/// <summary>The API contract on the embedded default.</summary>
public sealed class SqliteApiTests() : ApiContractTests(new SqliteApiDatabase());

/// <summary>The API contract on PostgreSQL.</summary>
public sealed class PostgreSqlApiTests() : ApiContractTests(new PostgreSqlApiDatabase());

public sealed class SqliteTimersApiTests() : TimersApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlTimersApiTests() : TimersApiTests(new PostgreSqlApiDatabase());
