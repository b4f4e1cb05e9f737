namespace Workflows.Engine.Expressions;

/// <summary>"Did you mean …?" for misspelt field and function names, by edit distance.</summary>
internal static class Spelling
{
    /// <summary>" (did you mean 'fee'?)" for the closest candidate within about a third of the name's length, else "".</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var allowed = (name.Length / 3) + 1;
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return a == b ? 0 : 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
