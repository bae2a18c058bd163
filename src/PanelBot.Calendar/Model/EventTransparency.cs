namespace PanelBot.Calendar;

/// <summary>The VEVENT <c>TRANSP</c>: whether the event blocks time in free/busy lookups.</summary>
public enum EventTransparency
{
    /// <summary><c>OPAQUE</c>: shown as busy.</summary>
    Opaque,

    /// <summary><c>TRANSPARENT</c>: shown as free.</summary>
    Transparent,
}
