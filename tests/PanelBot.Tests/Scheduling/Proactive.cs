using PanelBot.Tests.Support;

namespace PanelBot.Tests.Scheduling;

/// <summary>Proactive messages the bot sent to the recorded connector.</summary>
public static class Proactive
{
    public static IReadOnlyList<ConnectorCall> Messages(ConnectorRecorder connector, string startsWith) =>
        connector.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal)
                                   && (c.Text ?? "").StartsWith(startsWith, StringComparison.Ordinal)).ToList();

    public static IReadOnlyList<ConnectorCall> To(ConnectorRecorder connector, string userId, string startsWith) =>
        Messages(connector, startsWith).Where(c => c.Path.Contains(BotClient.PersonalConversation(userId), StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Waits for <paramref name="count"/> matching messages, then until the app(s) have nothing left to fire or send
    /// (<see cref="AppIdle"/>), so that a late duplicate would be among the messages returned.
    /// </summary>
    public static Task<IReadOnlyList<ConnectorCall>> WaitAsync(ConnectorRecorder connector, string startsWith, int count,
        params IServiceProvider[] apps) => WaitAsync(connector, startsWith, count, Eventually.DefaultTimeout, apps);

    public static async Task<IReadOnlyList<ConnectorCall>> WaitAsync(ConnectorRecorder connector, string startsWith, int count,
        TimeSpan timeout, params IServiceProvider[] apps)
    {
        await Eventually.Until(() => Messages(connector, startsWith), m => m.Count >= count,
            m => $"{count} messages starting '{startsWith}', got {m.Count}: " +
                 string.Join("\n", connector.Calls.Select(c => $"{c.Method} {c.Path} {c.Text}")), timeout);
        await AppIdle.WaitAsync(timeout, apps);
        return Messages(connector, startsWith);
    }
}
