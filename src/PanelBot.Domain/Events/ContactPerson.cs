namespace PanelBot.Domain.Events;

/// <summary>Who to ask about the event.</summary>
public sealed record ContactPerson(string Name, string? Email = null)
{
    public override string ToString() => Email is null ? Name : $"{Name} <{Email}>";
}
