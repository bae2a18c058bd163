using System.Net;
using System.Net.Sockets;

namespace PanelBot.Mail.Tests;

/// <summary>What MailKit writes reaches the socket unchanged, one write per flush, and never waits behind a read.</summary>
public sealed class WriteCoalescingStreamTests
{
    [Fact]
    public async Task ManySmallWrites_GoOutAsOneWritePerFlush_WithTheSameBytes()
    {
        var inner = new RecordingStream();
        await using var stream = new WriteCoalescingStream(inner, capacity: 1024);
        var expected = new MemoryStream();

        for (var i = 0; i < 50; i++)
        {
            var block = Enumerable.Range(0, 13).Select(b => (byte)(i + b)).ToArray();
            await stream.WriteAsync(block);
            expected.Write(block);
        }

        Assert.Empty(inner.Writes);
        await stream.FlushAsync();
        stream.Write("sync\r\n"u8);
        stream.Flush();

        Assert.Equal([650, 6], inner.Writes.Select(w => w.Length));
        expected.Write("sync\r\n"u8);
        Assert.Equal(expected.ToArray(), inner.Writes.SelectMany(w => w).ToArray());
    }

    [Fact]
    public async Task WritesBeyondTheCapacity_StreamOutInsteadOfBeingHeld()
    {
        var inner = new RecordingStream();
        await using var stream = new WriteCoalescingStream(inner, capacity: 100);
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        await stream.WriteAsync(data.AsMemory(0, 60));
        await stream.WriteAsync(data.AsMemory(60, 60));
        await stream.WriteAsync(data.AsMemory(120, 500));
        await stream.WriteAsync(data.AsMemory(620, 380));
        await stream.FlushAsync();

        Assert.Equal([60, 60, 500, 380], inner.Writes.Select(w => w.Length));
        Assert.Equal(data, inner.Writes.SelectMany(w => w).ToArray());
        Assert.Equal(0, stream.Pending);
    }

    [Fact]
    public async Task ReadingWithUnflushedBytes_SendsThemFirst_SoThePeerCanAnswer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        var echo = Task.Run(async () =>
        {
            var peer = server.GetStream();
            var buffer = new byte[6];
            await peer.ReadExactlyAsync(buffer);
            await peer.WriteAsync(buffer);
        });
        await using var stream = new WriteCoalescingStream(client.GetStream());

        await stream.WriteAsync("NOOP\r\n"u8.ToArray());
        var reply = new byte[6];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.ReadExactlyAsync(reply, timeout.Token);

        await echo;
        Assert.Equal("NOOP\r\n"u8.ToArray(), reply);
    }

    [Fact]
    public async Task AFailedSend_Surfaces_AndItsBytesAreNotSentAgain()
    {
        var inner = new RecordingStream { FailNextWrite = true };
        await using var stream = new WriteCoalescingStream(inner, capacity: 1024);

        await stream.WriteAsync("MAIL FROM:<a@b>\r\n"u8.ToArray());
        await Assert.ThrowsAsync<IOException>(() => stream.FlushAsync());
        await stream.FlushAsync();

        Assert.Empty(inner.Writes);
        Assert.Equal(0, stream.Pending);
    }

    private sealed class RecordingStream : Stream
    {
        public List<byte[]> Writes { get; } = [];

        public bool FailNextWrite { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("Connection reset by peer");
            }

            Writes.Add(buffer.AsSpan(offset, count).ToArray());
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }
    }
}
