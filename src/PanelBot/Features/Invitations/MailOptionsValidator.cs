using Microsoft.Extensions.Options;
using PanelBot.Mail;

namespace PanelBot.Features.Invitations;

/// <summary>Refuses to start with a mail setup that could only fail later, one message per problem.</summary>
public sealed class MailOptionsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new List<string>();
        if (!MailAddresses.TryParseAddress(options.From, out _))
        {
            problems.Add($"Mail:From '{options.From}' is not an email address.");
        }

        if (options.UpdateMergeWindowSeconds is < 0 or > 300)
        {
            problems.Add("Mail:UpdateMergeWindowSeconds must be between 0 and 300.");
        }

        if (options.DispatchIntervalSeconds is <= 0 or > 3600)
        {
            problems.Add("Mail:DispatchIntervalSeconds must be more than 0 and at most 3600.");
        }

        if (options.DispatchGatherSeconds is < 0 or > 5)
        {
            problems.Add("Mail:DispatchGatherSeconds must be between 0 and 5.");
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("Mail:MaxAttempts must be at least 1.");
        }

        if (options.RetryBaseSeconds <= 0 || options.MaxRetryDelaySeconds < options.RetryBaseSeconds)
        {
            problems.Add("Mail:RetryBaseSeconds must be positive and at most Mail:MaxRetryDelaySeconds.");
        }

        if (options.SendingLeaseSeconds is < 5 or > 300)
        {
            problems.Add("Mail:SendingLeaseSeconds must be between 5 and 300.");
        }

        if (options.MaxInFlight < 0)
        {
            problems.Add("Mail:MaxInFlight cannot be negative.");
        }

        switch (options.EffectiveTransport)
        {
            case MailTransportKind.Smtp:
                if (string.IsNullOrWhiteSpace(options.Smtp.Host))
                {
                    problems.Add("Mail:Transport is Smtp but Mail:Smtp:Host is empty.");
                }

                if (options.Smtp.Port is < 1 or > 65535)
                {
                    problems.Add("Mail:Smtp:Port must be 1-65535.");
                }

                if (options.Smtp.MaxConnections is < 1 or > 64)
                {
                    problems.Add("Mail:Smtp:MaxConnections must be 1-64.");
                }

                if (options.Smtp.MessagesPerMinute < 0)
                {
                    problems.Add("Mail:Smtp:MessagesPerMinute cannot be negative (0 = unlimited).");
                }

                if (options.Smtp.UseOAuth)
                {
                    RequireApp(problems, "Mail:Smtp:UseOAuth");
                }

                if (options.Smtp.UseOAuth && string.IsNullOrWhiteSpace(options.Smtp.UserName))
                {
                    problems.Add("Mail:Smtp:UseOAuth needs Mail:Smtp:UserName (the mailbox the token is for).");
                }

                if (!options.Smtp.UseOAuth && options.Smtp.UserName is not null && options.Smtp.Password is null)
                {
                    problems.Add("Mail:Smtp:UserName is set but Mail:Smtp:Password is not.");
                }

                if (SendsCredentials(options.Smtp) && options.Smtp.Security == SmtpSecurity.None && !IsLoopback(options.Smtp.Host))
                {
                    problems.Add($"Mail:Smtp:Security is None, so the credentials for {options.Smtp.Host} would cross the network " +
                                 "in clear text. Use StartTls (port 587) or Tls (port 465); None is only for a relay on this machine.");
                }

                break;
            case MailTransportKind.Graph:
                if (!Uri.TryCreate(options.Graph.BaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"))
                {
                    problems.Add($"Mail:Graph:BaseUrl '{options.Graph.BaseUrl}' is not an absolute http(s) URL.");
                }

                RequireApp(problems, "Mail:Transport=Graph");
                break;
            case MailTransportKind.Pickup:
                if (string.IsNullOrWhiteSpace(options.PickupDirectory))
                {
                    problems.Add("Mail:PickupDirectory is empty.");
                }

                break;
        }

        if (options.Dkim.IsConfigured)
        {
            ValidateDkim(problems, options);
        }

        ValidateInbox(problems, options.Inbox);

        if (configuration["PublicBaseUrl"] is { Length: > 0 } baseUrl
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            problems.Add($"PublicBaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void ValidateInbox(List<string> problems, CalendarReplies.InboxSettings inbox)
    {
        if (inbox.PollSeconds is <= 0 or > 3600)
        {
            problems.Add("Mail:Inbox:PollSeconds must be more than 0 and at most 3600.");
        }

        if (inbox.Transport == CalendarReplies.InboxTransport.Directory && string.IsNullOrWhiteSpace(inbox.Directory))
        {
            problems.Add("Mail:Inbox:Directory is empty.");
        }

        if (inbox.Transport != CalendarReplies.InboxTransport.Imap)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(inbox.Imap.Host))
        {
            problems.Add("Mail:Inbox:Transport is Imap but Mail:Inbox:Imap:Host is empty.");
        }

        if (inbox.Imap.Port is < 1 or > 65535)
        {
            problems.Add("Mail:Inbox:Imap:Port must be 1-65535.");
        }

        if (string.IsNullOrWhiteSpace(inbox.Imap.UserName))
        {
            problems.Add("Mail:Inbox:Imap:UserName is required (the organiser mailbox).");
        }

        if (inbox.Imap.UseOAuth)
        {
            RequireApp(problems, "Mail:Inbox:Imap:UseOAuth");
        }
        else if (inbox.Imap.Password is null)
        {
            problems.Add("Mail:Inbox:Imap:Password is required unless Mail:Inbox:Imap:UseOAuth is set.");
        }
    }

    private void ValidateDkim(List<string> problems, MailOptions options)
    {
        var dkim = options.Dkim;
        if (string.IsNullOrWhiteSpace(dkim.Domain) || string.IsNullOrWhiteSpace(dkim.Selector) || string.IsNullOrWhiteSpace(dkim.PrivateKeyPath))
        {
            problems.Add("Mail:Dkim needs Domain, Selector and PrivateKeyPath together.");
            return;
        }

        var path = DkimSigning.KeyPath(dkim, environment);
        if (!File.Exists(path))
        {
            problems.Add($"Mail:Dkim:PrivateKeyPath '{path}' does not exist.");
            return;
        }

        try
        {
            MessageSigner.FromPemFile(path, dkim.Domain, dkim.Selector);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                       or Org.BouncyCastle.Security.SecurityUtilityException or InvalidCastException)
        {
            problems.Add($"Mail:Dkim:PrivateKeyPath '{path}' is not an RSA private key in PEM: {ex.Message}");
        }

        if (MailAddresses.TryParseAddress(options.From, out var from)
            && !from.Domain.Equals(dkim.Domain, StringComparison.OrdinalIgnoreCase)
            && !from.Domain.EndsWith("." + dkim.Domain, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Mail:Dkim:Domain '{dkim.Domain}' does not cover Mail:From '{options.From}', so DMARC would not align.");
        }
    }

    private static bool SendsCredentials(SmtpSettings smtp) =>
        smtp.UseOAuth || !string.IsNullOrEmpty(smtp.UserName) || !string.IsNullOrEmpty(smtp.Password);

    /// <summary>localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine (RFC 6761 §6.3, RFC 1122 §3.2.1.3).</summary>
    private static bool IsLoopback(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var trimmed = host.Trim().TrimStart('[').TrimEnd(']');
        if (trimmed.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return System.Net.IPAddress.TryParse(trimmed, out var address) && System.Net.IPAddress.IsLoopback(address);
    }

    private void RequireApp(List<string> problems, string setting)
    {
        foreach (var key in new[] { "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId" })
        {
            if (string.IsNullOrWhiteSpace(configuration[key]))
            {
                problems.Add($"{setting} needs {key} (the bot's app registration).");
            }
        }
    }
}
