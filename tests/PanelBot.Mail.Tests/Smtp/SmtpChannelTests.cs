using System.Text;

namespace PanelBot.Mail.Tests;

public sealed class SmtpChannelTests
{
    [Theory]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData("a\r\nb", "a\r\nb\r\n.\r\n")]
    [InlineData(".\r\n..x\r\nx.\r\n", "..\r\n...x\r\nx.\r\n.\r\n")]
    [InlineData(".", "..\r\n.\r\n")]
    [InlineData("bare\nlf\rcr\r\n.dot", "bare\r\nlf\r\ncr\r\n..dot\r\n.\r\n")]
    [InlineData("", ".\r\n")]
    public async Task WriteData_Content_IsDotStuffedCrlfNormalisedAndTerminated(string content, string wire)
    {
        using var stream = new MemoryStream();
        var channel = new SmtpChannel(stream);

        await channel.WriteDataAsync(Encoding.ASCII.GetBytes(content), CancellationToken.None);
        await channel.FlushAsync(CancellationToken.None);

        Assert.Equal(wire, Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task WriteData_LargerThanBuffer_IsWrittenCompletely()
    {
        var content = string.Concat(Enumerable.Range(0, 20000).Select(i => $".line {i}\r\n"));
        using var stream = new MemoryStream();
        var channel = new SmtpChannel(stream);

        await channel.WriteDataAsync(Encoding.ASCII.GetBytes(content), CancellationToken.None);
        await channel.FlushAsync(CancellationToken.None);

        Assert.Equal(content.Replace("\r\n.", "\r\n..").Insert(0, ".") + ".\r\n", Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task ReadReply_MultiLineEhlo_ParsesCodeAndExtensions()
    {
        var wire = "250-mx.test greets you\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-AUTH=LOGIN\r\n250-AUTH PLAIN XOAUTH2\r\n250-STARTTLS\r\n250 8BITMIME\r\n";
        var channel = new SmtpChannel(new MemoryStream(Encoding.ASCII.GetBytes(wire)));

        var reply = await channel.ReadReplyAsync(CancellationToken.None);
        var capabilities = SmtpCapabilities.Parse(reply);

        Assert.Equal(250, reply.Code);
        Assert.Equal(7, reply.Lines.Count);
        Assert.True(capabilities.Pipelining);
        Assert.True(capabilities.StartTls);
        Assert.True(capabilities.EightBitMime);
        Assert.False(capabilities.SmtpUtf8);
        Assert.Equal(1000, capabilities.MaxSize);
        Assert.Equal(["LOGIN", "PLAIN", "XOAUTH2"], capabilities.AuthMechanisms.Order());
    }

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("25\r\n")]
    [InlineData("250x\r\n")]
    public async Task ReadReply_Malformed_ThrowsIOException(string wire)
    {
        var channel = new SmtpChannel(new MemoryStream(Encoding.ASCII.GetBytes(wire)));

        await Assert.ThrowsAsync<IOException>(() => channel.ReadReplyAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ReadReply_ConnectionClosed_ThrowsIOException()
    {
        var channel = new SmtpChannel(new MemoryStream(Encoding.ASCII.GetBytes("250-partial\r\n")));

        await Assert.ThrowsAsync<IOException>(() => channel.ReadReplyAsync(CancellationToken.None).AsTask());
    }
}
