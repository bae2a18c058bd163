namespace PanelBot.Domain.Text;

/// <summary>Checks for user-entered text. Each returns null when the text is fine, or a message saying what to fix.</summary>
public static class TextRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxShortTextLength = 300;

    /// <summary>Single-line text: no control characters at all (CR, LF, tab, NUL...).</summary>
    public static string? CheckLine(string label, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"The {label} is empty: please give a {label}." : null;
        }

        if (value.Length > maxLength)
        {
            return $"The {label} is {value.Length:N0} characters long; the limit is {maxLength:N0}. Please shorten it.";
        }

        if (value.Any(char.IsControl))
        {
            return $"The {label} must be a single line without line breaks or control characters. Please retype it on one line.";
        }

        return null;
    }

    /// <summary>Multi-line text: CR, LF and tab are allowed, other control characters are not.</summary>
    public static string? CheckMultiline(string label, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"The {label} is {value.Length:N0} characters long; the limit is {maxLength:N0}. Please shorten it.";
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return $"The {label} contains control characters. Please remove them (line breaks are fine).";
        }

        return null;
    }

    /// <summary>An absolute http or https URL.</summary>
    public static string? CheckWebUrl(string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"The {label} is empty: please give an http:// or https:// address.";
        }

        if (!IsWebUrl(value))
        {
            return $"'{value}' is not a web address: the {label} must start with http:// or https:// (for example https://zoom.us/j/123).";
        }

        return null;
    }

    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && !value!.Any(char.IsControl);

    /// <summary>A plausible email address (one @, a dot in the domain, no spaces); deliverability is the mailer's problem.</summary>
    public static string? CheckEmail(string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"The {label} is empty: please give an address like name@example.org.";
        }

        if (!IsEmail(value))
        {
            return $"'{value}' does not look like an email address: write it like name@example.org.";
        }

        return null;
    }

    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254)
        {
            return false;
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
