using Microsoft.Extensions.Options;
using PanelBot.Storage;

namespace PanelBot.Tests.Storage;

/// <summary>Who waits for whom at the write gate, on each provider.</summary>
public sealed class WriteGateTests
{
    private static WriteGate Gate(StorageProvider provider) => new(Options.Create(new StorageOptions { Provider = provider }));

    [Fact]
    public async Task OnPostgreSql_AnswersToOneEvent_GoOneAtATime()
    {
        using var gate = Gate(StorageProvider.PostgreSql);
        var first = await gate.EnterEventAsync(7, CancellationToken.None);
        var second = gate.EnterEventAsync(7, CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        first!.Dispose();
        (await second)!.Dispose();
    }

    [Fact]
    public async Task OnPostgreSql_OtherEvents_AndOtherWrites_DoNotWait()
    {
        using var gate = Gate(StorageProvider.PostgreSql);
        using var held = await gate.EnterEventAsync(7, CancellationToken.None);

        var otherEvent = gate.EnterEventAsync(8, CancellationToken.None);
        Assert.True(otherEvent.IsCompletedSuccessfully);
        (await otherEvent)!.Dispose();
        Assert.Null(await gate.EnterAsync(CancellationToken.None)); // rows are locked by the database
    }

    [Fact]
    public async Task OnSqlite_AnEventsWrites_WaitForEveryOtherWrite()
    {
        using var gate = Gate(StorageProvider.Sqlite);
        var any = await gate.EnterAsync(CancellationToken.None);
        var answer = gate.EnterEventAsync(7, CancellationToken.None).AsTask();

        Assert.False(answer.IsCompleted);
        any!.Dispose();
        var entered = await answer;
        Assert.False(gate.EnterAsync(CancellationToken.None).IsCompleted);
        entered!.Dispose();
    }

    [Fact]
    public async Task AWaitThatIsCancelled_LeavesTheGateAsItWas()
    {
        using var gate = Gate(StorageProvider.PostgreSql);
        var held = await gate.EnterEventAsync(7, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterEventAsync(7, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held!.Dispose();
        using var next = await gate.EnterEventAsync(7, CancellationToken.None);
        Assert.NotNull(next);
    }
}
