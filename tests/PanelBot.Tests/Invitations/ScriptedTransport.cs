using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PanelBot.Mail;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Invitations;

/// <summary>
/// A transport whose first send waits for <see cref="Release"/>, then accepts each message unless
/// <paramref name="script"/> (given the recipient) throws. Holding the first send holds the dispatcher, so the tests can
/// look at the mail queued meanwhile.
/// </summary>
internal sealed class ScriptedTransport(Func<string, CancellationToken, Task> script) : IMailTransport
{
    public TaskCompletionSource FirstCalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public ConcurrentQueue<string> Tried { get; } = new();

    /// <summary>Every attempt's envelope, in the order tried.</summary>
    public ConcurrentQueue<MailEnvelope> Envelopes { get; } = new();

    public string Name => "scripted";

    /// <summary>An app that sends one message at a time through <paramref name="transport"/>.</summary>
    public static BotApp OneAtATime(TestDatabase database, ScriptedTransport transport) =>
        new(database)
        {
            Settings = { ["Mail:MaxInFlight"] = "1", ["Mail:DispatchIntervalSeconds"] = "0.1", ["Mail:From"] = MailApps.From },
            TestServices = services => services.RemoveAll<IMailTransport>().AddSingleton<IMailTransport>(transport),
        };

    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var to = envelope.Recipients.Single().Address;
        Tried.Enqueue(to);
        Envelopes.Enqueue(envelope);
        if (FirstCalled.TrySetResult())
        {
            await Release.Task.WaitAsync(cancellationToken);
        }

        await script(to, cancellationToken);
        return new MailSendResult(envelope.MessageId, envelope.Recipients, [], "250 2.0.0 Ok");
    }
}
