using System.Text.RegularExpressions;
using Workflows.Tests.Shared;

namespace Workflows.Architecture.Tests;

/// <summary>
/// The documentation stands alone and stays true to the tree: every relative link of every Markdown file resolves,
/// every backticked repository path names something that exists, and nothing in the repository points at design notes
/// kept outside it. The rules (<see cref="RepositoryPaths"/>) are deliberately narrow so that a failure is a real
/// broken reference, never prose that happens to contain a slash.
/// </summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void Every_relative_link_in_the_markdown_files_resolves()
    {
        var broken = RepositoryFiles.Markdown()
            .SelectMany(file => RelativeLinks(File.ReadAllText(file.FullPath)).Select(link => (file, link)))
            .Where(x => !RepositoryFiles.Exists(Path.Combine(Path.GetDirectoryName(x.file.FullPath)!, x.link)))
            .Select(x => $"{x.file.Relative}: ({x.link})")
            .ToList();

        broken.ShouldBeEmpty("These links point at nothing in the repository:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_backticked_repository_path_in_the_markdown_files_exists()
    {
        var tree = RepositoryFiles.Tree();
        var missing = RepositoryFiles.Markdown()
            .SelectMany(file => RepositoryPaths(File.ReadAllText(file.FullPath), tree.TopLevel).Select(path => (file, path)))
            .Where(x => !tree.Matches(x.path))
            .Select(x => $"{x.file.Relative}: `{x.path}`")
            .ToList();

        missing.ShouldBeEmpty("These paths name nothing in the repository:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_file_of_the_repository_refers_to_design_notes_kept_outside_it()
    {
        var outside = RepositoryFiles.Text()
            .SelectMany(file => OutsideNotes().Matches(File.ReadAllText(file.FullPath)).Select(m => $"{file.Relative}: {m.Value}"))
            .ToList();

        outside.ShouldBeEmpty("Refer to docs/domain.md, docs/architecture.md or an ADR instead:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void The_checks_catch_a_broken_link_a_missing_path_and_an_outside_note()
    {
        const string Page = """
            See [the map](architecture.md) and [a ghost](no-such-page.md#top), the [web](https://example.org) and [here](#top).
            The core lives in `engine/Workflows.Engine/` and `engine/Workflows.Engine/NoSuchFile.cs`; `procedures/<id>/definition.json`,
            `procedures/*/nothing.json`, `engine/Workflows.Api/data/` (ignored output), `Program.cs` and `a/b` are not repository paths.
            ```sh
            cat `engine/Inside/ACodeBlock.cs`
            ```
            """;
        var tree = RepositoryFiles.Tree();
        var docs = Path.Combine(RepositoryRoot.Path, "docs");

        RelativeLinks(Page).Where(link => !RepositoryFiles.Exists(Path.Combine(docs, link))).ShouldBe(["no-such-page.md#top"]);
        RepositoryPaths(Page, tree.TopLevel).Where(path => !tree.Matches(path))
            .ShouldBe(["engine/Workflows.Engine/NoSuchFile.cs", "procedures/*/nothing.json"]);
        OutsideNotes().IsMatch("the layout of " + "DESIGN" + ".md").ShouldBeTrue();
        OutsideNotes().IsMatch("docs/domain.md").ShouldBeFalse();
    }

    /// <summary>Targets of inline links and images that are neither absolute URLs nor anchors on the same page.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        MarkdownLink().Matches(WithoutCodeBlocks(markdown)).Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith('#') && !UrlScheme().IsMatch(target));

    /// <summary>
    /// Inline code spans that are repository paths: no spaces, a '/', and a first segment that is a top-level entry of
    /// the repository (engine/, docs/, .ci/ ...). Paths into folders git ignores (bin, obj, data ...) name build output
    /// or run-time data and are left out. Placeholders are wildcards: &lt;name&gt; and * stand for part of one segment,
    /// … for any number of segments; such a pattern must match at least one entry.
    /// </summary>
    private static IEnumerable<string> RepositoryPaths(string markdown, IReadOnlySet<string> topLevel) =>
        InlineCode().Matches(WithoutCodeBlocks(markdown)).Select(m => m.Groups["code"].Value)
            .Where(code => code.Contains('/', StringComparison.Ordinal) && topLevel.Contains(code.Split('/')[0]))
            .Where(code => !code.Split('/').Any(RepositoryFiles.IgnoredFolders.Contains));

    private static string WithoutCodeBlocks(string markdown) => FencedBlock().Replace(markdown, "");

    [GeneratedRegex(@"^\s*```.*?^\s*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"`(?<code>[^`\s]+)`")]
    private static partial Regex InlineCode();

    // Spelled so that this file does not name them itself.
    [GeneratedRegex(@"\b(DESIGN|DOMAIN|STYLE)\.md\b")]
    private static partial Regex OutsideNotes();
}
