namespace PanelBot.Mail;

/// <summary>
/// Writes each message as <c>{message-id}.eml</c> into a folder that an MTA (IIS SMTP, a relay's
/// pickup dir) or a test reads. The file is written under a temporary name and renamed, so a
/// reader never sees half a message; the same Message-ID overwrites, so a resend does not duplicate.
/// The envelope is not stored: readers take recipients from the To header.
/// </summary>
public sealed class PickupDirectoryTransport : IMailTransport
{
    public PickupDirectoryTransport(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Name => "pickup";

    public string Directory { get; }

    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var finalPath = Path.Combine(Directory, FileNameFor(envelope.MessageId));
        var tempPath = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(envelope.Mime, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(tempPath, finalPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(tempPath);
            throw new MailTransientException($"Could not write {finalPath}: {exception.Message}", null, exception);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }

        return new MailSendResult(envelope.MessageId, envelope.Recipients, [], finalPath);
    }

    /// <summary>The Message-ID with everything but letters, digits and <c>.-_@+</c> replaced by '_'.</summary>
    public static string FileNameFor(string messageId)
    {
        var name = new string(messageId.Trim('<', '>').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+' ? c : '_').ToArray());
        name = name.TrimStart('.');
        if (name.Length == 0)
        {
            name = "message";
        }

        return (name.Length > 200 ? name[..200] : name) + ".eml";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
