namespace PanelBot.Domain.Commands;

/// <summary>A word of a command line. <see cref="Quoted"/> when any part was in double quotes; Start/End index the raw line.</summary>
public sealed record Token(string Text, bool Quoted, int Start, int End);
