using System.Text;

namespace PanelBot.Domain.Events;

/// <summary>A short, readable reference derived from a title: "Peacekeeping missions meet..." → "peacekeeping-missions-meet".</summary>
public static class EventSlug
{
    private const int MaxWords = 3;
    private const int MaxLength = 40;

    public static string From(string title)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else
            {
                Flush();
            }

            if (words.Count == MaxWords)
            {
                break;
            }
        }
        Flush();
        var slug = string.Join('-', words.Take(MaxWords));
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug.Length == 0 || char.IsAsciiDigit(slug[0]) ? "event-" + slug.TrimEnd('-') : slug;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }
    }

    /// <summary>Slugs are words of lowercase letters, digits and dashes that start with a letter.</summary>
    public static bool IsSlugLike(string text) =>
        text.Length is > 0 and <= 60 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
