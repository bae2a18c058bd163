namespace PanelBot.Domain.Events;

/// <summary>Where an in-person event happens. Owned value of <see cref="Event"/>.</summary>
public sealed record Venue(string Name, string? Address = null, string? City = null)
{
    public override string ToString() =>
        string.Join(", ", new[] { Name, Address, City }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
