namespace PanelBot.Features.Notifications;

/// <summary>Calls every registered <see cref="IEventObserver"/> in registration order.</summary>
public sealed class EventObservers(IEnumerable<IEventObserver> observers)
{
    public async Task BeforeSaveAsync(EventChange change, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.BeforeSaveAsync(change, ct);
        }
    }

    public async Task AfterSaveAsync(EventChange change, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.AfterSaveAsync(change, ct);
        }
    }
}
