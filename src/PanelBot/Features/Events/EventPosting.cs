namespace PanelBot.Features.Events;

/// <summary>Where an event card was posted, so later changes update that message in place.</summary>
public sealed class EventPosting
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
