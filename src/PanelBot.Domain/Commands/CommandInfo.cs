namespace PanelBot.Domain.Commands;

public enum CommandGroup
{
    Organise,
    Programme,
    Rsvp,
    General,
}

/// <summary>One entry of <c>help</c>: the keyword, how to type it, and what it does. <see cref="OrganisersOnly"/> marks editing commands.</summary>
public sealed record CommandInfo(string Name, string Usage, string Description, CommandGroup Group, bool OrganisersOnly);
