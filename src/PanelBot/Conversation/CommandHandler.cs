using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation.Limits;
using PanelBot.Conversation.Routing;
using PanelBot.Diagnostics;
using PanelBot.Domain.Commands;

namespace PanelBot.Conversation;

/// <summary>Reads a text command and runs it through the route table. Parse errors answer with what to type instead.</summary>
public sealed class CommandHandler(
    RouteTable routes,
    IServiceProvider services,
    IUserZones zones,
    IOptions<LimitsOptions> limits,
    TimeProvider clock)
{
    public async Task HandleAsync(TurnRequest request, CancellationToken ct)
    {
        var text = request.Activity.RemoveRecipientMentionText();
        if (string.IsNullOrWhiteSpace(text))
        {
            await request.SendAsync("Type `help` to see what I can do.", ct);
            return;
        }
        var zone = await zones.ZoneOfAsync(request, ct);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var parsed = CommandParser.TryParse(text, today, limits.Value.ToCommandLimits(), out var command, out var error);
        PanelBotTelemetry.TagCommand(parsed ? command : null);
        var reply = parsed ? await ExecuteAsync(request, command!, zone, ct) : (BotReply)error!.Message;
        await request.SendAsync(reply, ct);
    }

    public Task<BotReply> ExecuteAsync(TurnRequest request, Command command, DateTimeZone zone, CancellationToken ct) =>
        routes.For(command).Run(services, request, command, zone, ct);
}
