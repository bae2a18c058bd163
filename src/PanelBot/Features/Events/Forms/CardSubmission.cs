using NodaTime;

namespace PanelBot.Features.Events.Forms;

/// <summary>A form submission that was acted on, by the id the form carried: a second click on the same form finds it.</summary>
public sealed class CardSubmission
{
    public required string SubmissionId { get; init; }
    public required string UserId { get; init; }

    /// <summary>The event the submission created or changed, once known.</summary>
    public int? EventNumber { get; set; }

    public Instant CreatedAt { get; init; }
}
