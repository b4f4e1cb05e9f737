using Workflows.Engine.Identity;

namespace Workflows.Engine.Tests.Support;

internal static class Actors
{
    public static readonly UnitId Commune = new("xa-tan-an");
    public static readonly UnitId OtherCommune = new("xa-binh-minh");

    public static readonly Actor Citizen = new(new UserId("citizen-an"), Commune, ["citizen"]);
    public static readonly Actor Desk = new(new UserId("desk-lan"), Commune, ["desk-officer"]);
    public static readonly Actor DeskColleague = new(new UserId("desk-minh"), Commune, ["desk-officer"]);
    public static readonly Actor Specialist = new(new UserId("civil-hoa"), Commune, ["civil-status-officer"]);
    public static readonly Actor Chair = new(new UserId("chair-tuan"), Commune, ["commune-chair"]);
    public static readonly Actor Clerk = new(new UserId("clerk-mai"), Commune, ["clerk"]);
    public static readonly Actor DeskElsewhere = new(new UserId("desk-other"), OtherCommune, ["desk-officer"]);
}
