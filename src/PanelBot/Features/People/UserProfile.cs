namespace PanelBot.Features.People;

/// <summary>What the bot remembers about a person: how to write to them and the zone they used last.</summary>
public sealed class UserProfile
{
    public required string UserId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? LastTimeZone { get; set; }

    /// <summary>The zone their chat client reported last (where they are, not where their events are).</summary>
    public string? ClientTimeZone { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
