namespace PanelBot.Domain.Events;

/// <summary>A user who may edit the event besides its creator.</summary>
public sealed record CoOrganiser(string UserId, string DisplayName);
