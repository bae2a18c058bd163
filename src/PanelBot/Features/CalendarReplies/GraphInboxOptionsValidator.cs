using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Mail;

namespace PanelBot.Features.CalendarReplies;

/// <summary>With <c>Mail:Inbox:Transport=Graph</c>, refuses to start without what Graph needs, one message per problem.</summary>
public sealed class GraphInboxOptionsValidator(IConfiguration configuration) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (options.Inbox.Transport != InboxTransport.Graph)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(options.Graph.BaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"))
        {
            problems.Add($"Mail:Inbox:Transport=Graph reads through Mail:Graph:BaseUrl, and '{options.Graph.BaseUrl}' is not an absolute http(s) URL.");
        }

        if (options.Inbox.Graph.Mailbox is { } mailbox && !string.IsNullOrWhiteSpace(mailbox)
            && !MailAddresses.TryParseAddress(mailbox, out _) && !Guid.TryParse(mailbox, out _))
        {
            problems.Add($"Mail:Inbox:Graph:Mailbox '{mailbox}' is neither an email address nor a user object id.");
        }

        foreach (var key in new[] { "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId" })
        {
            if (string.IsNullOrWhiteSpace(configuration[key]))
            {
                problems.Add($"Mail:Inbox:Transport=Graph needs {key} (the bot's app registration, with the Mail.ReadWrite application permission).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
