using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Mail;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// Reads the organiser mailbox with MailKit's <see cref="ImapClient"/>: waits with IDLE (RFC 2177) when the server has
/// it, else polls. Each message is read once: afterwards it carries the keyword <see cref="ReadKeyword"/>, which the
/// server keeps, so a restart (or another instance) skips it, and a person reading the mailbox does not hide it.
/// </summary>
public sealed class ImapInboxReader(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    IServiceProvider services,
    ILogger<ImapInboxReader> logger) : BackgroundService
{
    /// <summary>An IMAP keyword (RFC 3501 §2.3.2) marking messages this bot has read.</summary>
    public const string ReadKeyword = "$PanelBotRead";

    // RFC 2177 §3: a client should re-issue IDLE at least every 29 minutes.
    private static readonly TimeSpan IdleRestart = TimeSpan.FromMinutes(9);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value.Inbox;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient();
                await ConnectAsync(client, settings.Imap, stoppingToken);
                var folder = await client.GetFolderAsync(settings.Imap.Folder, stoppingToken);
                await folder.OpenAsync(FolderAccess.ReadWrite, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var searchedAt = await ReadNewAsync(folder, stoppingToken);
                    await WaitForMoreAsync(client, folder, searchedAt, settings, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (the server, the network, the database), the host keeps running and the unflagged
                // messages are read on the next connection.
                logger.LogWarning(ex, "Reading the IMAP mailbox {Host} failed; connecting again shortly", settings.Imap.Host);
                await Task.Delay(settings.PollInterval * 2, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ConnectAsync(ImapClient client, ImapSettings imap, CancellationToken ct)
    {
        var security = imap.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await client.ConnectAsync(imap.Host!, imap.Port, security, ct);
        if (imap.UseOAuth)
        {
            var tokens = services.GetRequiredKeyedService<IAccessTokenSource>(InvitationsRegistration.InboxTokenSourceKey);
            await client.AuthenticateAsync(new SaslMechanismOAuth2(imap.UserName!, await tokens.GetAccessTokenAsync(ct)), ct);
        }
        else
        {
            await client.AuthenticateAsync(imap.UserName!, imap.Password ?? "", ct);
        }
    }

    /// <summary>Reads the unflagged messages; returns the folder's message count as the server had announced it before the search.</summary>
    private async Task<int> ReadNewAsync(IMailFolder folder, CancellationToken ct)
    {
        var searchedAt = folder.Count;
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotKeyword(ReadKeyword), ct))
        {
            var message = await folder.GetMessageAsync(uid, ct);
            var marked = false;
            async Task MarkReadAsync()
            {
                if (marked)
                {
                    return;
                }

                marked = true;
                // Not cancelled by shutdown: once an answer is applied, losing its mark would apply it twice.
                await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, [ReadKeyword]) { Silent = true }, CancellationToken.None);
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<CalendarReplyProcessor>()
                    .ProcessAsync(message, $"imap:{folder.FullName}/{uid.Id}", ct, MarkReadAsync);
            }

            await MarkReadAsync();
        }

        return searchedAt;
    }

    private static async Task WaitForMoreAsync(ImapClient client, IMailFolder folder, int searchedAt, InboxSettings settings, CancellationToken ct)
    {
        // A message that arrived while the last search or fetch ran was announced (EXISTS, RFC 3501 §7.3.1) in that
        // command's response, not during IDLE, and IDLE reports only later changes: search again instead of waiting.
        if (folder.Count != searchedAt)
        {
            return;
        }

        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(settings.PollInterval, ct);
            await client.NoOpAsync(ct);
            return;
        }

        using var done = new CancellationTokenSource(IdleRestart);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, ct);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }
}
