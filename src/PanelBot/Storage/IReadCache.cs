using Microsoft.EntityFrameworkCore;

namespace PanelBot.Storage;

/// <summary>A <see cref="ReadCache{TKey, TEntity}"/> as <see cref="ReadCacheInterceptor"/> sees it.</summary>
public interface IReadCache
{
    bool IsUsed { get; }
    Type EntityType { get; }

    /// <summary>Whether <paramref name="sql"/> updates or deletes rows of this cache's table directly.</summary>
    bool IsChangedBy(string sql, DbContext context);

    void Invalidate();
}
