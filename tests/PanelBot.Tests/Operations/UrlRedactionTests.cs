using PanelBot.Features.Operations;

namespace PanelBot.Tests.Operations;

public sealed class UrlRedactionTests
{
    [Theory]
    // Bot Connector: conversation, activity and member ids go, API words stay.
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a:1Xb-9_zz/activities/1700000000000", "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData("http://127.0.0.1:9/v3/conversations/personal-zelda/members/zelda", "http://127.0.0.1:9/v3/conversations/{id}/members/{id}")]
    // Graph sendMail names the sender's mailbox; the query string is dropped.
    [InlineData("https://graph.microsoft.com/v1.0/users/events@contoso.org/sendMail?x=1", "https://graph.microsoft.com/v1.0/users/{id}/sendMail")]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", "https://login.botframework.com/v1/{id}/openidconfiguration")]
    [InlineData("https://example.org", "https://example.org/")]
    public void Outgoing_KeepsApiWordsAndDropsIds(string url, string expected) =>
        Assert.Equal(expected, UrlRedaction.Outgoing(new Uri(url)));
}
