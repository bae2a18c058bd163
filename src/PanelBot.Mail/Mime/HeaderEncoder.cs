using System.Buffers.Text;
using System.Text;

namespace PanelBot.Mail;

/// <summary>
/// Writes header fields as 7-bit text folded to 78 columns. Plain ASCII is folded at existing
/// spaces (so unfolding restores it exactly); anything else becomes RFC 2047 B encoded-words in
/// UTF-8, each holding whole characters.
/// </summary>
internal static class HeaderEncoder
{
    private const int MaxLine = 78;
    private const int EncodedWordOverhead = 12; // "=?UTF-8?B?" + "?="

    public static void AppendUnstructured(StringBuilder output, string name, string sanitizedValue)
    {
        output.Append(name).Append(": ");
        var column = name.Length + 2;
        if (CanWriteRaw(sanitizedValue, 70))
        {
            AppendFoldedAscii(output, sanitizedValue, column);
        }
        else
        {
            AppendEncodedWords(output, sanitizedValue, column);
        }

        output.Append("\r\n");
    }

    public static void AppendAddressList(StringBuilder output, string name, IReadOnlyList<MailboxAddress> mailboxes)
    {
        output.Append(name).Append(": ");
        var column = name.Length + 2;
        for (var i = 0; i < mailboxes.Count; i++)
        {
            if (i > 0)
            {
                output.Append(",\r\n ");
                column = 1;
            }

            column = AppendMailbox(output, mailboxes[i], column);
        }

        output.Append("\r\n");
    }

    private static int AppendMailbox(StringBuilder output, MailboxAddress mailbox, int column)
    {
        var displayName = HeaderText.Sanitize(mailbox.DisplayName);
        var address = mailbox.Address.Value;
        if (displayName.Length == 0)
        {
            output.Append(address);
            return column + address.Length;
        }

        if (CanWriteRaw(displayName, 60) && displayName.Length <= 60)
        {
            var quoted = Quote(displayName);
            if (column + quoted.Length > MaxLine)
            {
                output.Append("\r\n ");
                column = 1;
            }

            output.Append(quoted);
            column += quoted.Length;
        }
        else
        {
            column = AppendEncodedWords(output, displayName, column);
        }

        if (column + address.Length + 3 > MaxLine)
        {
            output.Append("\r\n");
            column = 0;
        }

        output.Append(" <").Append(address).Append('>');
        return column + address.Length + 3;
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Raw text must be printable ASCII, must not look like an encoded-word and must fold.</summary>
    private static bool CanWriteRaw(string value, int maxWord)
    {
        if (value.Contains("=?", StringComparison.Ordinal))
        {
            return false;
        }

        var word = 0;
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }

            word = c == ' ' ? 0 : word + 1;
            if (word > maxWord)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendFoldedAscii(StringBuilder output, string value, int column)
    {
        var start = 0;
        while (value.Length - start + column > MaxLine)
        {
            var fold = FindFold(value, start, MaxLine - column);
            if (fold < 0)
            {
                break;
            }

            output.Append(value, start, fold - start).Append("\r\n");
            start = fold; // the space at 'fold' becomes the continuation line's leading whitespace
            column = 0;
        }

        output.Append(value, start, value.Length - start);
    }

    // The last space within the budget that leaves a non-blank segment; else the first one after it.
    private static int FindFold(string value, int start, int budget)
    {
        var best = -1;
        var sawText = false;
        for (var i = start; i < value.Length; i++)
        {
            if (value[i] == ' ')
            {
                if (sawText && i > start)
                {
                    if (i - start <= budget || best < 0)
                    {
                        best = i;
                    }

                    if (i - start > budget)
                    {
                        break;
                    }
                }
            }
            else
            {
                sawText = true;
            }
        }

        return best;
    }

    private static int AppendEncodedWords(StringBuilder output, string value, int column)
    {
        Span<byte> utf8 = stackalloc byte[4];
        Span<byte> chunk = stackalloc byte[64];
        Span<byte> encoded = stackalloc byte[88];
        var length = 0;
        var first = true;
        var runes = value.EnumerateRunes();
        var pending = default(Rune?);
        while (true)
        {
            // RFC 2047 §2: an encoded-word is at most 75 characters, so at most 45 bytes (60 base64 characters).
            var maxBytes = Math.Min(45, (MaxLine - column - EncodedWordOverhead - (first ? 0 : 1)) / 4 * 3);
            if (maxBytes < 6)
            {
                output.Append("\r\n");
                column = 0;
                first = false;
                continue;
            }

            length = 0;
            while (true)
            {
                Rune rune;
                if (pending is { } p)
                {
                    rune = p;
                    pending = null;
                }
                else if (runes.MoveNext())
                {
                    rune = runes.Current;
                }
                else
                {
                    break;
                }

                var size = rune.EncodeToUtf8(utf8);
                if (length + size > maxBytes)
                {
                    pending = rune;
                    break;
                }

                utf8[..size].CopyTo(chunk[length..]);
                length += size;
            }

            if (length == 0 && !first)
            {
                return column;
            }

            if (!first)
            {
                output.Append(' ');
                column++;
            }

            Base64.EncodeToUtf8(chunk[..length], encoded, out _, out var written);
            output.Append("=?UTF-8?B?").Append(Encoding.ASCII.GetString(encoded[..written])).Append("?=");
            column += written + EncodedWordOverhead;
            first = false;
            if (pending is null && !HasMore(ref runes, ref pending))
            {
                return column;
            }

            output.Append("\r\n");
            column = 0;
        }
    }

    private static bool HasMore(ref StringRuneEnumerator runes, ref Rune? pending)
    {
        if (!runes.MoveNext())
        {
            return false;
        }

        pending = runes.Current;
        return true;
    }
}
