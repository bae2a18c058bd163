namespace PanelBot.Calendar;

/// <summary>Property and parameter names: <c>1*(ALPHA / DIGIT / "-")</c>, written in upper case.</summary>
internal static class IcsName
{
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid iCalendar name.", nameof(name));
        }

        return name.ToUpperInvariant();
    }

    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
