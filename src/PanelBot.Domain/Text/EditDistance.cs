namespace PanelBot.Domain.Text;

/// <summary>Levenshtein distance, used for "did you mean" suggestions.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="input"/>, if it is close enough to be a plausible typo.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: skip the quadratic work when that alone is too far.
            if (Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var distance = Between(input, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }
}
