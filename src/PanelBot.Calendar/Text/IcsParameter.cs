namespace PanelBot.Calendar;

/// <summary>
/// One property parameter, holding the raw (unquoted) value. The reader produces one instance per value of a
/// multi-valued parameter such as <c>DELEGATED-TO="mailto:a","mailto:b"</c>.
/// </summary>
public sealed record IcsParameter
{
    public IcsParameter(string name, string value, bool alwaysQuote = false)
    {
        Name = IcsName.Validate(name);
        Value = value ?? throw new ArgumentNullException(nameof(value));
        AlwaysQuote = alwaysQuote;
    }

    /// <summary>Upper-case parameter name.</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>Quote even when not required; the writer does this for CN so that names are never split (RFC 5545 §3.2).</summary>
    public bool AlwaysQuote { get; }

    /// <summary><c>NAME=value</c> as it appears on the content line.</summary>
    public override string ToString() => Name + "=" + FormatValue(Value, AlwaysQuote);

    /// <summary>
    /// Formats a parameter value, in DQUOTEs when it contains <c>:</c>, <c>;</c> or <c>,</c> (or when
    /// <paramref name="alwaysQuote"/>). Throws for DQUOTE and control characters other than TAB, which no parameter value
    /// can carry: remove them first with <see cref="IcsSanitizer.ParameterValue"/>.
    /// </summary>
    public static string FormatValue(string value, bool alwaysQuote = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(c => c == '"' || (char.IsControl(c) && c != '\t')))
        {
            throw new ArgumentException("A parameter value cannot contain DQUOTE or control characters.", nameof(value));
        }

        return alwaysQuote || value.AsSpan().IndexOfAny(":;,") >= 0 ? "\"" + value + "\"" : value;
    }
}
