namespace PanelBot.Domain.Rsvp;

/// <summary>An answer by a user. <see cref="Email"/> and <see cref="ConversationId"/> update the registration when given.</summary>
public sealed record RsvpRequest(string UserId, string UserName, RsvpAnswer Answer, string? Email = null, string? ConversationId = null);
