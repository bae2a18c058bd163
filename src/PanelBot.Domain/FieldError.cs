namespace PanelBot.Domain;

/// <summary>A validation problem tied to one form field (see <see cref="Events.EventFields"/> for the names).</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => Message;
}
