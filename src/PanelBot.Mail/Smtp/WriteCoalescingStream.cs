namespace PanelBot.Mail;

/// <summary>
/// Holds what MailKit writes until it flushes, then hands it to the socket in one write. MailKit's SmtpStream passes
/// the message on in 4 KB blocks and the final dot separately, so an 8 KB invitation took four send calls; through
/// this stream it takes one per flush (MAIL+RCPT, DATA, content with the dot). Pending bytes are also sent before any
/// read (a peer never waits for bytes we still hold) and whenever the buffer is full, so a large message streams in
/// <see cref="Capacity"/>-sized writes instead of being held whole. Sits under TLS when TLS is on, coalescing records.
/// </summary>
internal sealed class WriteCoalescingStream(Stream inner, int capacity = WriteCoalescingStream.DefaultCapacity) : Stream
{
    /// <summary>Room for a typical invitation with its calendar part, plus the envelope commands.</summary>
    public const int DefaultCapacity = 32 * 1024;

    private readonly byte[] _buffer = new byte[capacity];
    private int _count;

    public int Capacity => _buffer.Length;

    /// <summary>Bytes written and not yet sent.</summary>
    public int Pending => _count;

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanTimeout => inner.CanTimeout;

    public override int ReadTimeout
    {
        get => inner.ReadTimeout;
        set => inner.ReadTimeout = value;
    }

    public override int WriteTimeout
    {
        get => inner.WriteTimeout;
        set => inner.WriteTimeout = value;
    }

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > _buffer.Length - _count)
        {
            SendPending();
            if (buffer.Length >= _buffer.Length)
            {
                inner.Write(buffer);
                return;
            }
        }

        buffer.CopyTo(_buffer.AsSpan(_count));
        _count += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length <= _buffer.Length - _count)
        {
            buffer.Span.CopyTo(_buffer.AsSpan(_count));
            _count += buffer.Length;
            return ValueTask.CompletedTask;
        }

        return WriteThroughAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        SendPending();
        inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        SendPending();
        return inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _count == 0 ? inner.ReadAsync(buffer, cancellationToken) : SendThenReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Unsent bytes are dropped: a session is disposed after QUIT (already flushed) or because it broke.
            _count = 0;
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        _count = 0;
        return inner.DisposeAsync();
    }

    private async ValueTask WriteThroughAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        if (buffer.Length >= _buffer.Length)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        buffer.Span.CopyTo(_buffer);
        _count = buffer.Length;
    }

    private async ValueTask<int> SendThenReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        return await inner.ReadAsync(buffer, cancellationToken);
    }

    private void SendPending()
    {
        if (_count > 0)
        {
            // Cleared first: after a failed write the connection is broken and its bytes must not go out again.
            var count = _count;
            _count = 0;
            inner.Write(_buffer, 0, count);
        }
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_count > 0)
        {
            var count = _count;
            _count = 0;
            await inner.WriteAsync(_buffer.AsMemory(0, count), cancellationToken);
        }
    }
}
