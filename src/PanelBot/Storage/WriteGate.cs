using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// Queues this process's write transactions on SQLite asynchronously. SQLite has one writer at a time; a second
/// <c>BEGIN IMMEDIATE</c> gets SQLITE_BUSY, and Microsoft.Data.Sqlite then retries by blocking the thread (sleeping)
/// until the command timeout, which under a burst of RSVPs ties up thread-pool threads and stretches every answer.
/// Waiting here instead costs no thread. PostgreSQL locks rows, so there the gate is open.
/// </summary>
public sealed class WriteGate(IOptions<StorageOptions> storage) : IDisposable
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (storage.Value.Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        await _sqlite.WaitAsync(ct);
        return new Release(_sqlite);
    }

    public void Dispose() => _sqlite.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
