namespace PanelBot.Domain.Commands;

/// <summary>A parsed text command. Parsing never executes anything; the app dispatches on the concrete record type.</summary>
public abstract record Command;

/// <summary>A command about one event.</summary>
public abstract record EventCommand(EventRef Event) : Command;
