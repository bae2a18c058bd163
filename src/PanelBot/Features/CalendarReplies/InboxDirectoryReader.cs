using Microsoft.Extensions.Options;
using MimeKit;
using PanelBot.Features.Invitations;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// Reads every <c>.eml</c> in <c>Mail:Inbox:Directory</c> once and moves it to <c>processed</c> (applied) or
/// <c>rejected</c> (set aside). A crash between applying and moving reads the file again, which changes nothing: the
/// RSVP already says what the file says.
/// </summary>
public sealed class InboxDirectoryReader(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    ILogger<InboxDirectoryReader> logger) : BackgroundService
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Inbox.Directory));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAllAsync(stoppingToken);
                await Task.Delay(options.Value.Inbox.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A file stays where it is until it has been read, so nothing is lost; the host keeps running.
                logger.LogWarning(ex, "Could not read the inbox folder {Directory}; trying again", Directory);
                await Task.Delay(options.Value.Inbox.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Reads what is there now; returns the outcome per file name.</summary>
    public async Task<IReadOnlyList<(string File, ReplyOutcome Outcome)>> ReadAllAsync(CancellationToken ct)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var results = new List<(string, ReplyOutcome)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var outcome = await ReadAsync(path, name, ct);
            var folder = Path.Combine(Directory, outcome.Folder());
            System.IO.Directory.CreateDirectory(folder);
            File.Move(path, Path.Combine(folder, name), overwrite: true);
            results.Add((name, outcome));
        }

        return results;
    }

    private async Task<ReplyOutcome> ReadAsync(string path, string name, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            await using var file = File.OpenRead(path);
            message = await MimeMessage.LoadAsync(file, ct);
        }
        catch (FormatException ex)
        {
            logger.LogInformation(ex, "Inbox file {File} is not a mail message; set aside", name);
            return ReplyOutcome.NotAReply;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarReplyProcessor>().ProcessAsync(message, name, ct);
    }
}
