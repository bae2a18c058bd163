namespace PanelBot.Calendar;

/// <summary>One unfolded content line: upper-case <see cref="Name"/>, parameters in order, and the raw (still escaped) value.</summary>
public sealed record IcsContentLine(string Name, IReadOnlyList<IcsParameter> Parameters, string Value)
{
    /// <summary>The first value of the named parameter (case-insensitive), or null.</summary>
    public string? GetParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The value read as TEXT (<see cref="IcsText.Unescape"/>).</summary>
    public string TextValue => IcsText.Unescape(Value);
}
