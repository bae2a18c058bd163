using System.Net;
using System.Net.Http.Headers;

namespace PanelBot.Mail;

/// <summary>
/// Sends the composed MIME with Microsoft Graph <c>POST /v1.0/users/{sender}/sendMail</c>
/// (body: base64 of the message, <c>Content-Type: text/plain</c>; app permission Mail.Send).
/// Graph takes recipients from the To/Cc/Bcc headers, not from the envelope, and limits MIME
/// messages to 4 MB. 202 means accepted; 429/5xx are transient with Retry-After; other 4xx are permanent.
/// </summary>
public sealed class GraphSendMailTransport : IMailTransport
{
    private static readonly MediaTypeHeaderValue TextPlain = new("text/plain");
    private readonly HttpClient _httpClient;
    private readonly IAccessTokenSource _tokens;
    private readonly GraphSendMailOptions _options;
    private readonly TimeProvider _timeProvider;

    public GraphSendMailTransport(HttpClient httpClient, IAccessTokenSource tokens, GraphSendMailOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokens);
        _httpClient = httpClient;
        _tokens = tokens;
        _options = options ?? new GraphSendMailOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Name => "graph";

    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var sender = _options.SenderUserId ?? envelope.Sender.Address;
        var url = new Uri(_options.BaseUrl, $"v1.0/users/{Uri.EscapeDataString(sender)}/sendMail");
        var token = await _tokens.GetAccessTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(Convert.ToBase64String(envelope.Mime.Span));
        request.Content.Headers.ContentType = TextPlain;

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new MailTransientException($"Graph sendMail unreachable: {exception.Message}", null, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailTransientException("Graph sendMail timed out.", null, exception);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var requestId = response.Headers.TryGetValues("request-id", out var ids) ? " request-id " + ids.First() : "";
                return new MailSendResult(envelope.MessageId, envelope.Recipients, [], "202 Accepted" + requestId);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var message = $"Graph sendMail as {sender} returned {(int)response.StatusCode}: {Truncate(body, 500)}";
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                throw new MailTransientException(message, RetryAfter.Of(response, _timeProvider.GetUtcNow()));
            }

            throw new MailPermanentException(message);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max] + "...";
}
