namespace PanelBot.Domain.Commands;

/// <summary>How a command names an event: "#12", "12" (<see cref="Number"/>) or a slug such as "peacekeeping-missions-meet".</summary>
public sealed record EventRef(int? Number, string? Slug)
{
    public static EventRef ForNumber(int number) => new(number, null);
    public static EventRef ForSlug(string slug) => new(null, slug.ToLowerInvariant());

    public bool Matches(Events.Event ev) =>
        Number is { } n ? ev.Number == n : string.Equals(ev.Slug, Slug, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Number is { } n ? "#" + n : Slug ?? "";
}
