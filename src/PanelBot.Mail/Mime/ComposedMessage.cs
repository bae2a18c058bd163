namespace PanelBot.Mail;

/// <summary>The bytes of a composed message and the Message-ID written into them (without angle brackets).</summary>
public sealed record ComposedMessage(string MessageId, byte[] Mime);
