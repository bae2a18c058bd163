namespace PanelBot.Calendar;

/// <summary>The VEVENT <c>STATUS</c> (RFC 5545 §3.8.1.11).</summary>
public enum EventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}
