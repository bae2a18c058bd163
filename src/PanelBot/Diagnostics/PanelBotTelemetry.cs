using System.Diagnostics;
using PanelBot.Domain.Commands;

namespace PanelBot.Diagnostics;

/// <summary>
/// Our own spans: one per turn and one per scheduled job. Tags name the kind of work only (activity type, command,
/// card verb, job kind), never text, names or addresses, so traces can go to a shared collector.
/// </summary>
public static class PanelBotTelemetry
{
    public const string SourceName = "PanelBot";
    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartTurn(string? activityType, string? channelId, string? invokeName)
    {
        var span = Source.StartActivity("turn " + (activityType ?? "unknown"), ActivityKind.Internal);
        if (span is null)
        {
            return null;
        }

        span.SetTag("panelbot.activity.type", activityType);
        span.SetTag("panelbot.channel", channelId);
        if (invokeName is not null)
        {
            span.SetTag("panelbot.invoke.name", invokeName);
        }

        return span;
    }

    public static Activity? StartJob(string kind) =>
        Source.StartActivity("scheduled " + kind, ActivityKind.Internal)?.SetTag("panelbot.job.kind", kind);

    /// <summary>Tags the current turn with the parsed command (its type, not its text).</summary>
    public static void TagCommand(Command? command) =>
        Turn()?.SetTag("panelbot.command", command is null ? "unparsed" : CommandName(command));

    /// <summary>Tags the current turn with the card verb when it is one we answer; anything else a client sends is "other".</summary>
    public static void TagVerb(string verb, bool known) => Turn()?.SetTag("panelbot.verb", known ? verb : "other");

    public static void Failed(Activity? span, Exception ex) => span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);

    public static string CommandName(Command command)
    {
        var name = command.GetType().Name;
        return (name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name).ToLowerInvariant();
    }

    private static Activity? Turn() => Activity.Current is { Source.Name: SourceName } current ? current : null;
}
