using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace PanelBot.Domain.Commands;

/// <summary>Parses one line of text (bot mention already stripped) into a <see cref="Command"/>.</summary>
public static partial class CommandParser
{
    /// <summary>
    /// Parses <paramref name="text"/>; <paramref name="today"/> is today's date in the user's zone (for "tomorrow", "Thursday").
    /// </summary>
    public static bool TryParse(string? text, LocalDate today, [NotNullWhen(true)] out Command? command, [NotNullWhen(false)] out ParseError? error)
    {
        command = null;
        error = new ParseError("Not implemented yet.");
        return false;
    }
}
