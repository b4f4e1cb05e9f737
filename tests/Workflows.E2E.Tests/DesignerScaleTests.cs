using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>
/// A 60-step procedure at 1366×768: it loads and lays out, stays readable (the fit never zooms below the readable
/// floor), and a step can be selected, moved and the move undone. Palette drag and the role legend on the way.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerScaleTests(DesignerHost host)
{
    private const double ReadableZoom = 0.6;

    [Fact]
    public async Task A_sixty_step_procedure_loads_readable_and_a_step_moves_and_the_move_undoes()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.GetByTestId("open-birth-registration").WaitForAsync();

        var started = await Now(page);
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "sixty.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(SixtySteps().ToJsonString()),
        });
        await page.Locator(".react-flow__node").Nth(59).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("step-receive").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.react-flow__node').length === 60 && [...document.querySelectorAll('.react-flow__node')].every(n => n.style.visibility !== 'hidden')");
        var loaded = await Now(page) - started;
        Measurements.Report("sixty-step-import-layout-render", loaded);

        (await page.ZoomAsync()).ShouldBeGreaterThanOrEqualTo(ReadableZoom - 0.001, "names stay readable on a big procedure");
        var start = (await page.GetByTestId("step-submit").BoundingBoxAsync())!;
        var view = (await page.GetByTestId("canvas").BoundingBoxAsync())!;
        (start.X >= view.X && start.X + start.Width <= view.X + view.Width).ShouldBeTrue("the flow is shown from its start");

        // Select and move a step; undo puts it back.
        await page.ShowStepAsync("receive");
        var selectStarted = await Now(page);
        await page.GetByTestId("step-receive").ClickAsync();
        await page.GetByTestId("step-panel").WaitForAsync();
        Measurements.Report("sixty-step-select", await Now(page) - selectStarted);
        var before = await page.StepPositionAsync("receive");
        var box = (await page.GetByTestId("step-receive").BoundingBoxAsync())!;
        var moveStarted = await Now(page);
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 60, box.Y + box.Height / 2 + 120, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        Measurements.Report("sixty-step-drag-8-moves", await Now(page) - moveStarted);
        var after = await page.StepPositionAsync("receive");
        (after.Y - before.Y).ShouldBeGreaterThan(100, "moved down by the drag (screen 120 px at the readable zoom or more)");
        var undoStarted = await Now(page);
        await page.GetByTestId("undo").ClickAsync();
        await page.WaitForFunctionAsync("""
            ([x, y]) => { const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(document.querySelector(".react-flow__node[data-id='receive']").style.transform);
                          return m && +m[1] === x && +m[2] === y; }
            """, new[] { before.X, before.Y });
        Measurements.Report("sixty-step-undo", await Now(page) - undoStarted);
        (await page.StepPositionAsync("receive")).ShouldBe(before);

        // The whole-procedure button still gives the overview on demand.
        await page.GetByTestId("fit-all").ClickAsync();
        (await page.ZoomAsync()).ShouldBeLessThan(ReadableZoom);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_step_dragged_from_the_palette_lands_where_it_is_dropped_and_roles_have_a_legend()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-palette", "Kéo thả");
        var legend = page.GetByTestId("role-legend");
        (await legend.InnerTextAsync()).ShouldContain("Chuyên viên");
        (await legend.GetByTestId("legend-leader").CountAsync()).ShouldBe(1);

        var canvas = (await page.GetByTestId("canvas").BoundingBoxAsync())!;
        await page.GetByTestId("add-timer").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = canvas.Width / 2, Y = canvas.Height - 80 } });
        var timer = page.GetByTestId("step-timer-1");
        await timer.WaitForAsync();
        var dropped = (await timer.BoundingBoxAsync())!;
        Math.Abs(dropped.Y + dropped.Height / 2 - (canvas.Y + canvas.Height - 80)).ShouldBeLessThan(40, "the step is centred where it was let go");
        (await page.GetByTestId("step-panel").CountAsync()).ShouldBe(1, "the new step is selected");
        await page.GetByTestId("undo").ClickAsync();
        (await timer.CountAsync()).ShouldBe(0);

        // Role lanes: one band per role, each step inside its role's band.
        await page.GetByTestId("lanes").ClickAsync();
        var lane = page.GetByTestId("lane-specialist");
        await lane.WaitForAsync();
        await page.Locator("[data-testid=lanes][aria-pressed=true]").WaitForAsync();
        await page.WaitForFunctionAsync("""
            () => { const l = document.querySelector('[data-testid=lane-specialist]')?.getBoundingClientRect();
                    const s = document.querySelector('[data-testid=step-appraise]')?.getBoundingClientRect();
                    return l && s && s.top >= l.top && s.bottom <= l.bottom; }
            """);
        await page.ScreenshotAsync("designer-lanes.png");

        // Every lane's name is whole inside the canvas, also after panning along the lanes (it stays at the left edge).
        var labels = page.Locator("[data-testid^=lane-label-]");
        (await labels.CountAsync()).ShouldBe(4);
        await ExpectLaneLabelsInsideAsync(page, "after lanes are turned on");
        var label = (await labels.First.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(label.X + label.Width / 2, label.Y + label.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(label.X + label.Width / 2 - 400, label.Y + label.Height / 2, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        var panned = (await page.GetByTestId("lane-specialist").BoundingBoxAsync())!;
        panned.X.ShouldBeLessThan(canvas.X - 100, "the lanes were panned to the left, past the canvas edge");
        await ExpectLaneLabelsInsideAsync(page, "after panning along the lanes");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_problem_picked_in_the_list_brings_its_step_into_view_and_selects_it()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        var definition = SixtySteps();
        definition["id"] = "e2e-sixty-problem";
        var far = definition["steps"]!.AsArray().Single(s => (string?)s!["id"] == "check-55")!;
        far["role"] = "inspector";
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "sixty-problem.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(definition.ToJsonString()),
        });
        await page.GetByTestId("step-receive").WaitForAsync();
        await page.Locator("[data-testid=validation-status][data-pending=false]:not([data-errors='0'])").WaitForAsync();
        (await InsideCanvasAsync(page, "step-check-55")).ShouldBeFalse("the broken step starts out of view on a 60-step canvas");

        await page.GetByTestId("tab-problems").ClickAsync();
        await page.Locator("[data-testid=problem][data-step=check-55]").First.ClickAsync();
        await page.WaitForFunctionAsync("""
            () => { const s = document.querySelector('[data-testid=step-check-55]')?.getBoundingClientRect();
                    const c = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
                    return s && s.left >= c.left && s.right <= c.right && s.top >= c.top && s.bottom <= c.bottom; }
            """);
        (await page.GetByTestId("step-check-55").GetAttributeAsync("class"))!.ShouldContain("selected");
        (await page.GetByTestId("step-check-55").GetAttributeAsync("data-problems")).ShouldBe("1");
        (await page.ZoomAsync()).ShouldBeGreaterThanOrEqualTo(ReadableZoom - 0.001, "the view pans, it does not zoom out to show the step");
        errors.ShouldBeEmpty();
    }

    private static async Task ExpectLaneLabelsInsideAsync(IPage page, string when)
    {
        var canvas = (await page.GetByTestId("canvas").BoundingBoxAsync())!;
        var labels = page.Locator("[data-testid^=lane-label-]");
        for (var i = 0; i < await labels.CountAsync(); i++)
        {
            var box = (await labels.Nth(i).BoundingBoxAsync())!;
            var text = await labels.Nth(i).InnerTextAsync();
            box.X.ShouldBeGreaterThanOrEqualTo(canvas.X, $"the lane name '{text}' starts inside the canvas {when}");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(canvas.X + canvas.Width, $"the lane name '{text}' ends inside the canvas {when}");
        }
    }

    private static async Task<bool> InsideCanvasAsync(IPage page, string testId)
    {
        var box = await page.GetByTestId(testId).BoundingBoxAsync();
        var canvas = (await page.GetByTestId("canvas").BoundingBoxAsync())!;
        return box is not null && box.X >= canvas.X && box.X + box.Width <= canvas.X + canvas.Width && box.Y >= canvas.Y && box.Y + box.Height <= canvas.Y + canvas.Height;
    }

    private static async Task<double> Now(IPage page) => await page.EvaluateAsync<double>("() => performance.now()");

    /// <summary>start → receive → 57 tasks alternating roles → return → end: 60 steps.</summary>
    private static JsonObject SixtySteps()
    {
        var roles = new[] { "specialist", "leader", "clerk" };
        var steps = new JsonArray
        {
            new JsonObject { ["id"] = "submit", ["kind"] = "start", ["name"] = "Nộp hồ sơ" },
            new JsonObject { ["id"] = "receive", ["kind"] = "task", ["name"] = "Tiếp nhận", ["role"] = "desk-officer", ["budget"] = "4h", ["outcomes"] = new JsonArray("done") },
        };
        var transitions = new JsonArray { new JsonObject { ["from"] = "submit", ["to"] = "receive" } };
        var previous = "receive";
        for (var i = 1; i <= 57; i++)
        {
            var id = $"check-{i:00}";
            steps.Add(new JsonObject { ["id"] = id, ["kind"] = "task", ["name"] = $"Kiểm tra hạng mục {i}", ["role"] = roles[i % roles.Length], ["budget"] = "2h", ["outcomes"] = new JsonArray("done") });
            transitions.Add(new JsonObject { ["from"] = previous, ["to"] = id, ["outcome"] = "done" });
            previous = id;
        }

        steps.Add(new JsonObject { ["id"] = "done", ["kind"] = "end", ["name"] = "Hoàn thành", ["status"] = "returned" });
        transitions.Add(new JsonObject { ["from"] = previous, ["to"] = "done", ["outcome"] = "done" });
        return new JsonObject
        {
            ["id"] = "e2e-sixty-steps",
            ["name"] = "Thủ tục 60 bước",
            ["deadline"] = "20d",
            ["roles"] = new JsonArray(
                new JsonObject { ["id"] = "desk-officer", ["name"] = "Cán bộ một cửa" },
                new JsonObject { ["id"] = "specialist", ["name"] = "Chuyên viên" },
                new JsonObject { ["id"] = "leader", ["name"] = "Lãnh đạo" },
                new JsonObject { ["id"] = "clerk", ["name"] = "Văn thư" }),
            ["form"] = new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["key"] = "applicantName", ["label"] = "Họ và tên", ["type"] = "text", ["required"] = true }) },
            ["steps"] = steps,
            ["transitions"] = transitions,
        };
    }
}
