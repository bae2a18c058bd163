using System.Text.Json;

namespace PanelBot.BotFramework.DirectLine;

/// <summary>
/// One playground conversation: an append-only activity stream whose positions are the Direct Line watermarks.
/// Updating an activity appends it again under the same id (Web Chat renders that as a replacement).
/// </summary>
internal sealed class DirectLineConversation(string id, string token, ChannelAccount user, string? locale, int maxActivities, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<(long Position, Activity Activity)> _stream = [];
    private long _nextPosition;
    private long _nextId;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;

    public string Id { get; } = id;
    public string Token { get; } = token;
    public ChannelAccount User { get; } = user;
    public string? Locale { get; } = locale;

    /// <summary>Set once the bot has been told about the conversation (conversationUpdate).</summary>
    public bool Started { get; private set; }

    public bool TryMarkStarted()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>Stores a copy of <paramref name="activity"/> with a new id and a strictly later timestamp; returns the copy.</summary>
    public Activity Append(Activity activity)
    {
        lock (_gate)
        {
            var stored = Clone(activity);
            stored.Id = $"{Id}|{_nextId++:D7}";
            Emit(stored);
            return Clone(stored);
        }
    }

    /// <summary>Re-emits the activity under an existing id; false when the id is unknown.</summary>
    public bool Replace(string activityId, Activity activity)
    {
        lock (_gate)
        {
            if (!_stream.Any(e => e.Activity.Id == activityId))
            {
                return false;
            }

            var stored = Clone(activity);
            stored.Id = activityId;
            Emit(stored);
            return true;
        }
    }

    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            return _stream.RemoveAll(e => e.Activity.Id == activityId) > 0;
        }
    }

    /// <summary>Activities after <paramref name="watermark"/> (-1 = all) and the new watermark (null when the stream is empty).</summary>
    public (List<Activity> Activities, long? Watermark) Since(long watermark)
    {
        lock (_gate)
        {
            var newer = _stream.Where(e => e.Position > watermark).ToList();
            long? mark = newer.Count > 0 ? newer[^1].Position : watermark >= 0 ? watermark : null;
            return (newer.Select(e => Clone(e.Activity)).ToList(), mark);
        }
    }

    private void Emit(Activity stored)
    {
        var now = time.GetUtcNow();
        // Web Chat orders by timestamp: a reply must sort after the message it answers.
        _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddMilliseconds(1);
        stored.Timestamp = _lastTimestamp;
        _stream.Add((_nextPosition++, stored));
        if (_stream.Count > maxActivities)
        {
            _stream.RemoveRange(0, _stream.Count - maxActivities);
        }
    }

    internal static Activity Clone(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options), BotJson.Options)!;
}
