namespace PanelBot.Mail;

internal enum BodyEncoding
{
    Base64,
    QuotedPrintable,
}

/// <summary>The body tree of a message before it is written.</summary>
internal abstract record MimeEntity;

/// <param name="ContentType">Complete header value, e.g. <c>text/plain; charset=utf-8</c>.</param>
/// <param name="Disposition">Complete Content-Disposition value, or null for none.</param>
internal sealed record MimeLeaf(string ContentType, string? Disposition, BodyEncoding Encoding, ReadOnlyMemory<byte> Body) : MimeEntity;

internal sealed record MimeMultipart(string Subtype, IReadOnlyList<MimeEntity> Parts) : MimeEntity;
