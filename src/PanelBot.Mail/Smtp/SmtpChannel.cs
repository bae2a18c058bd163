using System.Text;

namespace PanelBot.Mail;

/// <summary>
/// Buffered command/reply I/O on one stream. Writes are collected and sent with one
/// <see cref="FlushAsync"/>, which is what makes PIPELINING and DATA cheap on the wire.
/// </summary>
internal sealed class SmtpChannel
{
    private const int MaxReplyLine = 4096;
    private static readonly ReadOnlyMemory<byte> Crlf = "\r\n"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Terminator = "\r\n.\r\n"u8.ToArray();
    private readonly byte[] input = new byte[MaxReplyLine];
    private readonly byte[] output = new byte[32 * 1024];
    private int inputStart;
    private int inputEnd;
    private int outputLength;

    public SmtpChannel(Stream stream) => Stream = stream;

    public Stream Stream { get; private set; }

    /// <summary>After STARTTLS: nothing may be buffered from the plain-text phase (RFC 3207 §4.2).</summary>
    public void Upgrade(Stream tlsStream)
    {
        if (inputStart != inputEnd)
        {
            throw new IOException("Server sent data after the STARTTLS reply.");
        }

        Stream = tlsStream;
    }

    public void WriteCommand(string command)
    {
        EnsureSpace(command.Length + 2);
        outputLength += Encoding.ASCII.GetBytes(command, output.AsSpan(outputLength));
        output[outputLength++] = (byte)'\r';
        output[outputLength++] = (byte)'\n';
    }

    /// <summary>
    /// Writes the DATA content: line breaks normalised to CRLF, lines starting with '.' get an
    /// extra '.' (RFC 5321 §4.5.2), then the terminating CRLF.CRLF.
    /// </summary>
    public async ValueTask WriteDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var lineStart = true;
        var position = 0;
        while (position < data.Length)
        {
            if (lineStart && data.Span[position] == (byte)'.')
            {
                await WriteByteAsync((byte)'.', cancellationToken);
            }

            var rest = data.Span[position..];
            var lineEnd = rest.IndexOfAny((byte)'\r', (byte)'\n');
            var textLength = lineEnd < 0 ? rest.Length : lineEnd;
            await WriteBytesAsync(data.Slice(position, textLength), cancellationToken);
            position += textLength;
            if (lineEnd < 0)
            {
                lineStart = textLength == 0 && lineStart;
                break;
            }

            // CRLF, bare CR and bare LF all become CRLF.
            var isCrLf = data.Span[position] == (byte)'\r' && position + 1 < data.Length && data.Span[position + 1] == (byte)'\n';
            position += isCrLf ? 2 : 1;
            await WriteBytesAsync(Crlf, cancellationToken);
            lineStart = true;
        }

        await WriteBytesAsync(lineStart ? Terminator[2..] : Terminator, cancellationToken);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (outputLength > 0)
        {
            await Stream.WriteAsync(output.AsMemory(0, outputLength), cancellationToken);
            outputLength = 0;
        }

        await Stream.FlushAsync(cancellationToken);
    }

    public async ValueTask<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>(1);
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2])
                || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new IOException($"Malformed SMTP reply line '{HeaderText.Sanitize(line)}'.");
            }

            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(int.Parse(line.AsSpan(0, 3)), lines);
            }
        }
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(input, (byte)'\n', inputStart, inputEnd - inputStart);
            if (newline >= 0)
            {
                var end = newline > inputStart && input[newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.ASCII.GetString(input, inputStart, end - inputStart);
                inputStart = newline + 1;
                return line;
            }

            if (inputStart > 0)
            {
                Buffer.BlockCopy(input, inputStart, input, 0, inputEnd - inputStart);
                inputEnd -= inputStart;
                inputStart = 0;
            }

            if (inputEnd == input.Length)
            {
                throw new IOException("SMTP reply line too long.");
            }

            var read = await Stream.ReadAsync(input.AsMemory(inputEnd), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The SMTP server closed the connection.");
            }

            inputEnd += read;
        }
    }

    private void EnsureSpace(int count)
    {
        if (outputLength + count > output.Length)
        {
            throw new InvalidOperationException("SMTP command buffer overflow; flush first.");
        }
    }

    private async ValueTask WriteByteAsync(byte value, CancellationToken cancellationToken)
    {
        if (outputLength == output.Length)
        {
            await FlushAsync(cancellationToken);
        }

        output[outputLength++] = value;
    }

    private async ValueTask WriteBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (bytes.Length > 0)
        {
            if (outputLength == output.Length)
            {
                await Stream.WriteAsync(output.AsMemory(0, outputLength), cancellationToken);
                outputLength = 0;
            }

            var take = Math.Min(bytes.Length, output.Length - outputLength);
            bytes.Span[..take].CopyTo(output.AsSpan(outputLength));
            outputLength += take;
            bytes = bytes[take..];
        }
    }
}
