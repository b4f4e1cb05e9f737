using System.Globalization;

namespace Workflows.Engine.Printing.Forms;

/// <summary>Dates and instants written the way Vietnamese administrative documents write them (always in UTC+07:00).</summary>
public static class VietnameseText
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>"Tân An, ngày 10 tháng 3 năm 2025".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {DateLine(date)}";

    /// <summary>"ngày 10 tháng 03 năm 2025": the date of a document's place-and-date line.</summary>
    public static string DateLine(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");

    /// <summary>"10 giờ 00 phút, ngày 10/03/2025".</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(VietnamOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00} giờ {local.Minute:00} phút, ngày {local:dd/MM/yyyy}");
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);
}
