namespace PanelBot.Mail.Tests;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Send_ThreeMessages_WritesOneEmlEachNamedByMessageIdAndNoTempFiles()
    {
        var transport = new PickupDirectoryTransport(folder);
        var envelopes = Enumerable.Range(1, 3).Select(i => MailEnvelope.Create(Samples.Plain($"a{i}@example.org"))).ToList();

        foreach (var envelope in envelopes)
        {
            await transport.SendAsync(envelope);
        }

        var files = Directory.GetFiles(folder);
        Assert.Equal(envelopes.Select(e => e.MessageId + ".eml").Order(), files.Select(Path.GetFileName).Order());
        foreach (var envelope in envelopes)
        {
            Assert.Equal(envelope.Mime.ToArray(), File.ReadAllBytes(Path.Combine(folder, envelope.MessageId + ".eml")));
        }
    }

    [Fact]
    public async Task Send_SameMessageTwice_KeepsOneFile()
    {
        var transport = new PickupDirectoryTransport(folder);
        var envelope = MailEnvelope.Create(Samples.Plain("ada@example.org"));

        await transport.SendAsync(envelope);
        await transport.SendAsync(envelope);

        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Send_ConcurrentWithReader_ReaderNeverSeesPartialFile()
    {
        var transport = new PickupDirectoryTransport(folder);
        Directory.CreateDirectory(folder);
        var big = Samples.Plain("ada@example.org") with { Attachments = [new MailAttachment("big.bin", "application/octet-stream", new byte[2_000_000])] };
        var envelopes = Enumerable.Range(0, 10).Select(_ => MailEnvelope.Create(big)).ToList();
        var sizes = envelopes.ToDictionary(e => e.MessageId + ".eml", e => e.Mime.Length);
        using var stop = new CancellationTokenSource();
        var checks = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    Assert.Equal(sizes[Path.GetFileName(file)], new FileInfo(file).Length);
                    checks++;
                }
            }
        });

        foreach (var envelope in envelopes)
        {
            await transport.SendAsync(envelope);
        }

        await stop.CancelAsync();
        await reader;
        Assert.Equal(10, Directory.GetFiles(folder, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(folder, ".*")));
    }

    [Theory]
    [InlineData("abc@panelbot.test", "abc@panelbot.test.eml")]
    [InlineData("<a/b\\c:d@x>", "a_b_c_d@x.eml")]
    [InlineData("../../etc/passwd@x", "_.._etc_passwd@x.eml")]
    public void FileNameFor_MessageId_IsSafeFileName(string messageId, string expected)
    {
        Assert.Equal(expected, PickupDirectoryTransport.FileNameFor(messageId));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
