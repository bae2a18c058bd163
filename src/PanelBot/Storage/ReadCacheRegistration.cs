namespace PanelBot.Storage;

public static class ReadCacheRegistration
{
    /// <summary>A <see cref="ReadCache{TKey, TEntity}"/> for <typeparamref name="TEntity"/>, kept up to date by <see cref="ReadCacheInterceptor"/>.</summary>
    public static IServiceCollection AddReadCache<TKey, TEntity>(this IServiceCollection services) where TKey : notnull where TEntity : class
    {
        services.AddSingleton<ReadCache<TKey, TEntity>>();
        services.AddSingleton<IReadCache>(provider => provider.GetRequiredService<ReadCache<TKey, TEntity>>());
        return services;
    }
}
