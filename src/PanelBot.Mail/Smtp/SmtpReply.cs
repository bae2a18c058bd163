namespace PanelBot.Mail;

/// <summary>One (possibly multi-line) SMTP reply, RFC 5321 §4.2.</summary>
internal readonly record struct SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransient => Code is >= 400 and < 500;

    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}";
}
