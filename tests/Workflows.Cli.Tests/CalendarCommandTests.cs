using Workflows.Cli;

namespace Workflows.Cli.Tests;

public class CalendarCommandTests
{
    [Theory]
    [InlineData("2025-03-10T10:00:00+07:00", "--working-days", "3", "2025-03-13T10:00:00+07:00")]
    [InlineData("2025-03-10T03:00:00Z", "--working-days", "3", "2025-03-13T10:00:00+07:00")]
    [InlineData("2025-03-10T10:00", "--working-days", "0.5", "2025-03-10T15:30:00+07:00")] // no offset: Hanoi time
    [InlineData("2025-03-14T16:00:00+07:00", "--working-hours", "2", "2025-03-17T08:30:00+07:00")]
    [InlineData("2027-05-03T10:00:00+07:00", "--working-days", "3", "2027-05-06T17:00:00+07:00")] // 3 May 2027 is the compensatory day for 1 May
    [InlineData("2026-02-13T10:00:00+07:00", "--working-days", "1", "2026-02-23T10:00:00+07:00")] // over Tết 2026
    public async Task Due_prints_the_due_instant_on_its_last_line(string from, string option, string amount, string expected)
    {
        var (exitCode, output, error) = await Run("calendar", "due", "--from", from, option, amount);
        error.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        LastLine(output).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2025-03-10T14:59:00+07:00", "2025-03-10T17:00:00+07:00")]
    [InlineData("2025-03-14T15:30:00+07:00", "2025-03-17T17:00:00+07:00")] // Friday after the cut-off
    public async Task Same_day_uses_the_cut_off(string from, string expected)
    {
        var (exitCode, output, _) = await Run("calendar", "due", "--from", from, "--same-day", "--cutoff", "15:00");
        exitCode.ShouldBe(0);
        LastLine(output).ShouldBe(expected);
    }

    [Fact]
    public async Task Same_day_without_a_cut_off_uses_15_00()
    {
        var (_, output, _) = await Run("calendar", "due", "--from", "2025-03-10T15:10:00+07:00", "--same-day");
        LastLine(output).ShouldBe("2025-03-11T17:00:00+07:00");
    }

    [Fact]
    public async Task The_default_unit_can_be_named()
    {
        var (exitCode, output, _) = await Run("calendar", "due", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "3", "--unit", "default");
        exitCode.ShouldBe(0);
        LastLine(output).ShouldBe("2025-03-13T10:00:00+07:00");
    }

    [Theory]
    [InlineData("Unknown unit \"xa-tan-lap\"", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "3", "--unit", "xa-tan-lap")]
    [InlineData("not an ISO-8601 instant", "--from", "10/03/2025 10:00", "--working-days", "3")]
    [InlineData("not an ISO-8601 instant", "--from", "2025-02-30T10:00:00+07:00", "--working-days", "3")]
    [InlineData("cannot be negative", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "-3")]
    [InlineData("Give only one of", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "3", "--working-hours", "4")]
    [InlineData("Give only one of", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "3", "--same-day")]
    [InlineData("Give the deadline", "--from", "2025-03-10T10:00:00+07:00")]
    [InlineData("is not a number", "--from", "2025-03-10T10:00:00+07:00", "--working-hours", "three")]
    [InlineData("--cutoff applies only with --same-day", "--from", "2025-03-10T10:00:00+07:00", "--working-days", "1", "--cutoff", "15:00")]
    [InlineData("is not a local time", "--from", "2025-03-10T10:00:00+07:00", "--same-day", "--cutoff", "3pm")]
    public async Task Bad_input_is_reported_on_stderr_with_exit_code_1(string message, params string[] options)
    {
        var (exitCode, output, error) = await Run(["calendar", "due", .. options]);
        exitCode.ShouldBe(1);
        error.ShouldContain(message);
        output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_from_is_a_parse_error_with_exit_code_1()
    {
        var (exitCode, _, error) = await Run("calendar", "due", "--working-days", "3");
        exitCode.ShouldBe(1);
        error.ShouldContain("--from");
    }

    [Fact]
    public async Task Holidays_lists_the_non_working_days_of_the_year()
    {
        var (exitCode, output, error) = await Run("calendar", "holidays", "2026");
        error.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("Non-working days of 2026 on the \"default\" calendar, besides the weekly rest days (Saturday, Sunday):");
        lines.Length.ShouldBe(13);
        lines[1].ShouldBe("2026-01-01  Thu  public holiday        Tết Dương lịch (New Year's Day)");
        lines.ShouldContain("2026-04-27  Mon  compensatory day off  Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day off for Hung Kings' Commemoration)");
        lines[^1].ShouldBe("2026-09-02  Wed  public holiday        Quốc khánh (National Day)");
    }

    [Theory]
    [InlineData("twenty")]
    [InlineData("1700")]
    public async Task Holidays_of_a_year_that_cannot_be_computed_is_an_error(string year)
    {
        var (exitCode, _, error) = await Run("calendar", "holidays", year);
        exitCode.ShouldBe(1);
        error.ShouldContain("is not a year");
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
}
