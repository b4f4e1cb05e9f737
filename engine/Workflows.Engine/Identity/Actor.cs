using System.Collections.Immutable;

namespace Workflows.Engine.Identity;

/// <summary>
/// Who issues a command: every command carries one, so history always says who did what.
/// Roles are held within one unit; the system actor (timers, automatic steps) holds none.
/// </summary>
public sealed record Actor(UserId User, UnitId Unit, ImmutableArray<string> Roles)
{
    public static readonly UserId SystemUser = new("system");

    public static Actor System(UnitId unit) => new(SystemUser, unit, []);

    public bool IsSystem => User == SystemUser;

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
