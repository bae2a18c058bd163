using NodaTime;
using PanelBot.Domain.Commands;

namespace PanelBot.Conversation.Routing;

/// <summary>Runs one parsed command; <paramref name="zone"/> is the requester's zone.</summary>
public delegate Task<BotReply> CommandRun(IServiceProvider services, TurnRequest request, Command command, DateTimeZone zone, CancellationToken ct);

/// <summary>One command type and what runs it, registered by the slice that owns the command.</summary>
public sealed record CommandRoute(Type CommandType, CommandRun Run);
