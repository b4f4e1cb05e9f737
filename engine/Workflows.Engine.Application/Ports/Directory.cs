using System.Collections.Immutable;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

public enum UnitKind
{
    Province,
    Department,
    Division,
    ServiceCenter,
    Commune,
    Agency,
}

/// <summary>An organizational unit; units form a tree under the province.</summary>
public sealed record UnitRecord(UnitId Id, string Name, UnitKind Kind, UnitId? Parent);

/// <summary>An official or citizen account with roles held in one unit.</summary>
public sealed record UserRecord(UserId Id, string Name, UnitId Unit, ImmutableArray<string> Roles)
{
    public Actor ToActor() => new(Id, Unit, Roles);
}

/// <summary>The unit tree and user accounts (seeded with demo data on the embedded default).</summary>
public interface IDirectory
{
    Task<UserRecord?> FindUserAsync(UserId user, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken);

    /// <summary>Adds or updates units and users (seeding, administration).</summary>
    Task UpsertAsync(IEnumerable<UnitRecord> units, IEnumerable<UserRecord> users, CancellationToken cancellationToken);
}
