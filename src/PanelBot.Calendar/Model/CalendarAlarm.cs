using NodaTime;

namespace PanelBot.Calendar;

/// <summary>A <c>VALARM</c> with <c>ACTION:DISPLAY</c> that fires <see cref="BeforeStart"/> before DTSTART.</summary>
public sealed record CalendarAlarm
{
    public CalendarAlarm(Duration beforeStart, string description)
    {
        if (beforeStart < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(beforeStart), beforeStart, "An alarm fires before the start, so the lead time cannot be negative.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        BeforeStart = beforeStart;
        Description = description;
    }

    /// <summary>Lead time; whole seconds are written (<c>TRIGGER:-PT15M</c>), fractions are dropped.</summary>
    public Duration BeforeStart { get; }

    /// <summary>Mandatory for DISPLAY alarms; sanitised as a single line.</summary>
    public string Description { get; }
}
