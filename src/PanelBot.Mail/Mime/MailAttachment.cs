namespace PanelBot.Mail;

public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
