using System.Diagnostics;
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

    /// <summary>Waits for <paramref name="count"/> matching messages, then a little longer so that a duplicate would show.</summary>
    public static async Task<IReadOnlyList<ConnectorCall>> WaitAsync(ConnectorRecorder connector, string startsWith, int count,
        TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (Messages(connector, startsWith).Count < count)
        {
            if (waited.Elapsed > limit)
                throw new Xunit.Sdk.XunitException($"Expected {count} messages starting '{startsWith}', got: " +
                    string.Join("\n", connector.Calls.Select(c => $"{c.Method} {c.Path} {c.Text}")));
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more scheduler polls
        return Messages(connector, startsWith);
    }
}
