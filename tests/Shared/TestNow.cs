using System.Globalization;

namespace PanelBot.Testing;

/// <summary>
/// The tests' "now": the instant in <c>PANELBOT_TEST_NOW</c> (ISO 8601, e.g. <c>2027-04-01T09:00Z</c>), else
/// <see cref="Default"/>. Tests never read the machine's date; they derive every date from this, so the suite passes
/// whatever day it runs on and wherever this knob is set.
/// </summary>
public static class TestNow
{
    public const string Variable = "PANELBOT_TEST_NOW";

    /// <summary>A Sunday morning in late November 2026.</summary>
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Value { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    public static DateTimeOffset Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, styles, out var value)
            ? value.ToUniversalTime()
            : throw new InvalidOperationException($"{Variable}='{text}' is not an ISO 8601 instant such as 2027-04-01T09:00Z.");
    }
}
