using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.DirectLine;

/// <summary>In-memory playground conversations, bounded: the oldest conversation is evicted first.</summary>
internal sealed class DirectLineStore(IOptions<BotFrameworkOptions> options, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DirectLineConversation> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectLineConversation> _byToken = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public DirectLineConversation Create(ChannelAccount? user, string? locale)
    {
        var playground = options.Value.Playground;
        var id = "pg-" + RandomPart(8);
        var account = new ChannelAccount
        {
            Id = string.IsNullOrWhiteSpace(user?.Id) ? "dl_" + RandomPart(8) : user.Id,
            Name = string.IsNullOrWhiteSpace(user?.Name) ? "You" : user.Name,
            Role = "user",
        };
        var conversation = new DirectLineConversation(id, "pg-token-" + RandomPart(16), account, locale,
            Math.Max(1, playground.MaxActivitiesPerConversation), time);

        lock (_gate)
        {
            _byId[id] = conversation;
            _byToken[conversation.Token] = conversation;
            _order.Enqueue(id);
            while (_order.Count > Math.Max(1, playground.MaxConversations) && _order.TryDequeue(out var oldest))
            {
                if (_byId.Remove(oldest, out var evicted))
                {
                    _byToken.Remove(evicted.Token);
                }
            }
        }

        return conversation;
    }

    public DirectLineConversation? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public DirectLineConversation? FindByToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (_gate)
        {
            return _byToken.GetValueOrDefault(token);
        }
    }

    private static string RandomPart(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length))[..length];
}
