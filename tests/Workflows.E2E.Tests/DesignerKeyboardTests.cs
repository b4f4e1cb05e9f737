using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>Multi-select, copy/paste, undo/redo and delete from the keyboard, and the minimap, on the canvas.</summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerKeyboardTests(DesignerHost host)
{
    [Fact]
    public async Task Two_steps_selected_together_are_copied_pasted_undone_redone_and_deleted_from_the_keyboard()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-keyboard", "Phím tắt");
        (await page.Locator(".react-flow__minimap").CountAsync()).ShouldBe(1);
        var before = await page.Locator(".react-flow__node").CountAsync();
        var edgesBefore = await page.Locator(".react-flow__edge").CountAsync();

        await page.SelectStepAsync("appraise");
        await page.GetByTestId("step-approve").ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await page.GetByText("Đã chọn 2 bước").WaitForAsync();

        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await page.GetByTestId("step-appraise-copy-1").WaitForAsync();
        await page.GetByTestId("step-approve-copy-1").WaitForAsync();
        (await page.Locator(".react-flow__node").CountAsync()).ShouldBe(before + 2);
        (await page.Locator(".react-flow__edge").CountAsync()).ShouldBe(edgesBefore + 2, "the flows between the two copied steps (recommend, rework) are copied with them, the others are not");
        (await page.GetByTestId("step-appraise-copy-1").GetAttributeAsync("class"))!.ShouldContain("selected", Case.Sensitive, "the pasted steps are the new selection");

        await page.Keyboard.PressAsync("Control+z");
        await page.GetByTestId("step-appraise-copy-1").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Keyboard.PressAsync("Control+y");
        await page.GetByTestId("step-approve-copy-1").WaitForAsync();

        await page.GetByTestId("step-approve-copy-1").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await page.GetByTestId("step-approve-copy-1").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.Locator(".react-flow__node").CountAsync()).ShouldBe(before + 1);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_role_is_picked_from_the_roles_officials_hold_in_the_directory()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-roles", "Vai trò từ danh bạ");
        await page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.GetByTestId("procedure-panel").GetByText("Thêm vai trò").ClickAsync();
        var role = page.GetByTestId("role-id-4");
        await role.FillAsync("poli");
        await page.GetByRole(AriaRole.Option, new() { Name = "police-officer", Exact = true }).ClickAsync();
        (await role.InputValueAsync()).ShouldBe("police-officer");
        await role.FillAsync("");
        await role.FocusAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "analyst", Exact = true }).WaitForAsync();
        (await page.GetByRole(AriaRole.Option, new() { Name = "specialist", Exact = true }).CountAsync()).ShouldBe(0, "a role the procedure already has is not offered again");
        errors.ShouldBeEmpty();
    }
}
