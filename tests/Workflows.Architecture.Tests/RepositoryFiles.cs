using System.Text.RegularExpressions;
using Workflows.Tests.Shared;

namespace Workflows.Architecture.Tests;

/// <summary>The checkout's own files, without what builds, installs and runs leave in it (the folders .gitignore lists).</summary>
internal static class RepositoryFiles
{
    /// <summary>Folders of build output, installed packages and run-time data; never part of the repository.</summary>
    public static readonly IReadOnlySet<string> IgnoredFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".vs", ".idea", "bin", "obj", "node_modules", "data", "dist", "TestResults", "artifacts",
    };

    public sealed record RepositoryFile(string FullPath, string Relative);

    public static IEnumerable<RepositoryFile> All() => Walk(new DirectoryInfo(RepositoryRoot.Path));

    public static IEnumerable<RepositoryFile> Markdown() => All().Where(f => f.Relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every file that is text (no NUL byte in its first 8 KiB): sources, docs, scripts, data files.</summary>
    public static IEnumerable<RepositoryFile> Text() => All().Where(f => !LooksBinary(f.FullPath));

    public static bool Exists(string path)
    {
        var withoutAnchor = path.Split('#')[0];
        return File.Exists(withoutAnchor) || Directory.Exists(withoutAnchor);
    }

    public static RepositoryTree Tree()
    {
        var entries = new List<string>();
        Collect(new DirectoryInfo(RepositoryRoot.Path), "", entries);
        return new RepositoryTree(entries);
    }

    private static IEnumerable<RepositoryFile> Walk(DirectoryInfo root)
    {
        var entries = new List<string>();
        Collect(root, "", entries);
        return entries.Where(e => File.Exists(Path.Combine(root.FullName, e)))
            .Select(e => new RepositoryFile(Path.Combine(root.FullName, e), e));
    }

    private static void Collect(DirectoryInfo directory, string prefix, List<string> entries)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo sub)
            {
                if (!IgnoredFolders.Contains(sub.Name))
                {
                    entries.Add(prefix + sub.Name);
                    Collect(sub, prefix + sub.Name + "/", entries);
                }
            }
            else if (entry.Name != ".git")
            {
                entries.Add(prefix + entry.Name);
            }
        }
    }

    private static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8192];
        var read = stream.Read(head, 0, head.Length);
        return Array.IndexOf(head, (byte)0, 0, read) >= 0;
    }
}

/// <summary>Every file and folder of the checkout, as repository-relative paths with '/'.</summary>
internal sealed class RepositoryTree(IReadOnlyList<string> entries)
{
    private readonly HashSet<string> set = new(entries, StringComparer.Ordinal);

    public IReadOnlySet<string> TopLevel { get; } = new HashSet<string>(entries.Where(e => !e.Contains('/', StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>Whether the path names an entry; a pattern (&lt;name&gt;, *, …) must match at least one.</summary>
    public bool Matches(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.IndexOfAny(['<', '*', '…']) < 0)
        {
            return set.Contains(trimmed);
        }

        var pattern = new Regex(
            "^" + Regex.Replace(Regex.Escape(trimmed).Replace("\\*", "*", StringComparison.Ordinal), @"<[^>]*>|\*|…", m => m.Value switch { "…" => ".*", "*" => "[^/]*", _ => "[^/]+" }) + "$",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        return entries.Any(pattern.IsMatch);
    }
}
