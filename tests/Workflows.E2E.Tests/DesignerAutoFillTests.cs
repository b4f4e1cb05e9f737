using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>A national-id field's registry auto-fill is edited as rows (field ← datum) and lands in the definition.</summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerAutoFillTests(DesignerHost host)
{
    [Fact]
    public async Task Marriage_registrations_husband_id_shows_its_auto_fill_rows_and_takes_one_more()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.OpenAsync(host.BaseUrl, "marriage-registration");
        await page.GetByTestId("tab-form").ClickAsync();

        // The sample's three rows (the host keeps them in key order).
        var husbandId = page.GetByTestId("field-husbandId");
        (await husbandId.GetByTestId("autofill-switch").IsCheckedAsync()).ShouldBeTrue();
        (await husbandId.Locator("[data-testid^=autofill-row-]").CountAsync()).ShouldBe(3);
        (await husbandId.GetByTestId("autofill-row-1").GetByTestId("autofill-field").InputValueAsync()).ShouldBe("Họ, chữ đệm, tên bên nam (husbandName)");
        (await husbandId.GetByTestId("autofill-row-1").GetByTestId("autofill-datum").InputValueAsync()).ShouldBe("Họ, chữ đệm và tên");
        // Fields a national-id cannot fill are not offered: a date field takes the birth date and nothing else.
        (await husbandId.GetByTestId("autofill-row-0").GetByTestId("autofill-field").InputValueAsync()).ShouldBe("Ngày sinh bên nam (husbandBirthDate)");
        await husbandId.GetByTestId("autofill-row-0").GetByTestId("autofill-datum").ClickAsync();
        (await page.GetByRole(AriaRole.Option).AllInnerTextsAsync()).ShouldBe(["Ngày sinh"]);
        await page.Keyboard.PressAsync("Escape");

        // The preview tells the applicant where the name comes from.
        (await page.GetByTestId("form-preview").InnerTextAsync()).ShouldContain("Tự động điền từ CSDL dân cư theo “Số định danh cá nhân bên nam”");

        // A new field for the husband's nationality, filled from the registry.
        await page.GetByTestId("add-field").ClickAsync();
        var added = page.GetByTestId("field-field20");
        await added.GetByLabel("Nhãn").FillAsync("Quốc tịch bên nam");
        await husbandId.GetByTestId("autofill-add").ClickAsync();
        var row = husbandId.GetByTestId("autofill-row-3");
        await row.GetByTestId("autofill-field").ClickAsync();
        // Only fields nobody fills yet are offered (the husband's name is taken by row 1, the wife's by her ID).
        var offered = await page.GetByRole(AriaRole.Option).AllInnerTextsAsync();
        offered.ShouldContain("Quốc tịch bên nam (field20)");
        offered.ShouldNotContain("Họ, chữ đệm, tên bên nam (husbandName)");
        offered.ShouldNotContain("Họ, chữ đệm, tên bên nữ (wifeName)");
        offered.ShouldNotContain(o => o.Contains("needsVerification", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Option, new() { Name = "Quốc tịch bên nam (field20)" }).ClickAsync();
        await row.GetByTestId("autofill-datum").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Quốc tịch" }).ClickAsync();
        // Renaming the field keeps it auto-filled.
        await added.GetByLabel("Mã trường").FillAsync("husbandNationality");

        await page.ExpectValidAsync();
        await page.GetByTestId("file-menu").ClickAsync();
        var json = JsonNode.Parse(await page.DownloadTextAsync(() => page.GetByTestId("export-json").ClickAsync()))!;
        var fields = json["form"]!["fields"]!.AsArray();
        fields.Single(f => (string?)f!["key"] == "husbandId")!["autoFill"]!.ToJsonString().ShouldBe(
            """{"source":"population-registry","fills":{"husbandBirthDate":"birth-date","husbandName":"full-name","husbandResidence":"permanent-address","husbandNationality":"nationality"}}""");
        fields.Single(f => (string?)f!["key"] == "wifeId")!["autoFill"]!["fills"]!.AsObject().Count.ShouldBe(3);
        errors.ShouldBeEmpty();
    }
}
