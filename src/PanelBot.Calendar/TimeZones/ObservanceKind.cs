namespace PanelBot.Calendar;

/// <summary>Which VTIMEZONE sub-component an observance is written as.</summary>
public enum ObservanceKind
{
    /// <summary>The smaller of the two offsets (winter in most zones, but also Dublin's GMT).</summary>
    Standard,

    /// <summary>The larger of the two offsets.</summary>
    Daylight,
}
