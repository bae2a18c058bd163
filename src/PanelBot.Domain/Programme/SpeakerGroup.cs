namespace PanelBot.Domain.Programme;

/// <summary>Speakers sharing a role, in programme order, for the card.</summary>
public sealed record SpeakerGroup(SpeakerRole Role, string Label, IReadOnlyList<Speaker> Speakers);
