namespace PanelBot.Domain.Commands;

/// <summary>Why a command line could not be read, phrased as what to do next. <see cref="Suggestion"/> is a command word it may have meant.</summary>
public sealed record ParseError(string Message, string? Suggestion = null)
{
    public override string ToString() => Message;
}
