using System.Text;

namespace PanelBot.Mail;

/// <summary>SASL over SMTP AUTH (RFC 4954): PLAIN (RFC 4616), LOGIN, and Microsoft/Google XOAUTH2.</summary>
internal static class SmtpAuthenticator
{
    public static async Task AuthenticateAsync(
        SmtpConnection connection,
        SmtpOptions options,
        SmtpCapabilities capabilities,
        Func<CancellationToken, ValueTask<string>>? accessTokenProvider,
        CancellationToken cancellationToken)
    {
        var userName = options.UserName!;
        var mechanism = Choose(options.AuthMechanism, capabilities, accessTokenProvider is not null);
        var reply = mechanism switch
        {
            SmtpAuthMechanism.Plain => await connection.CommandAsync(
                "AUTH PLAIN " + Base64($"\0{userName}\0{options.Password}"), cancellationToken),
            SmtpAuthMechanism.Login => await LoginAsync(connection, userName, options.Password ?? "", cancellationToken),
            _ => await XOAuth2Async(connection, userName, accessTokenProvider, cancellationToken),
        };

        if (reply.Code != 235)
        {
            // Never echo credentials; the reply text is the server's own.
            throw SmtpConnection.Rejected(reply, $"AUTH {mechanism} as {userName}");
        }
    }

    private static SmtpAuthMechanism Choose(SmtpAuthMechanism requested, SmtpCapabilities capabilities, bool hasTokenProvider)
    {
        if (requested != SmtpAuthMechanism.Auto)
        {
            return requested;
        }

        if (hasTokenProvider)
        {
            return SmtpAuthMechanism.XOAuth2;
        }

        if (capabilities.AuthMechanisms.Contains("PLAIN"))
        {
            return SmtpAuthMechanism.Plain;
        }

        if (capabilities.AuthMechanisms.Contains("LOGIN"))
        {
            return SmtpAuthMechanism.Login;
        }

        throw new MailPermanentException(
            "The SMTP server offers no usable AUTH mechanism (PLAIN or LOGIN)"
            + (capabilities.StartTls ? "; it offers STARTTLS, which may be required first." : "."));
    }

    private static async Task<SmtpReply> LoginAsync(SmtpConnection connection, string userName, string password, CancellationToken cancellationToken)
    {
        var reply = await connection.CommandAsync("AUTH LOGIN", cancellationToken);
        if (reply.Code != 334)
        {
            return reply;
        }

        reply = await connection.CommandAsync(Base64(userName), cancellationToken);
        return reply.Code != 334 ? reply : await connection.CommandAsync(Base64(password), cancellationToken);
    }

    private static async Task<SmtpReply> XOAuth2Async(
        SmtpConnection connection,
        string userName,
        Func<CancellationToken, ValueTask<string>>? accessTokenProvider,
        CancellationToken cancellationToken)
    {
        if (accessTokenProvider is null)
        {
            throw new MailPermanentException("XOAUTH2 needs an access token provider.");
        }

        var token = await accessTokenProvider(cancellationToken);
        var reply = await connection.CommandAsync("AUTH XOAUTH2 " + XOAuth2InitialResponse(userName, token), cancellationToken);
        if (reply.Code == 334)
        {
            // The server sent a JSON error as a challenge; an empty response makes it send the final error.
            reply = await connection.CommandAsync("", cancellationToken);
        }

        return reply;
    }

    internal static string XOAuth2InitialResponse(string userName, string accessToken) =>
        Base64($"user={userName}\u0001auth=Bearer {accessToken}\u0001\u0001");

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
