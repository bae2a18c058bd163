using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PanelBot.Mail;

/// <summary>
/// Reads one mailbox's Inbox through Microsoft Graph, app-only (application permission Mail.ReadWrite):
/// <c>GET /users/{mailbox}/mailFolders('inbox')/messages/delta</c> page by page, a message's MIME with
/// <c>GET /users/{mailbox}/messages/{id}/$value</c>, and <c>PATCH isRead</c>. Graph's throttling (429, 503, 504 with
/// Retry-After) is waited out here; a delta link Graph no longer knows (410 Gone) is <see cref="GraphSyncStateGoneException"/>.
/// </summary>
public sealed class GraphMailbox
{
    // https://learn.microsoft.com/graph/throttling: wait the Retry-After seconds, then retry.
    private const int MaxThrottledTries = 5;
    private static readonly TimeSpan DefaultBackOff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly IAccessTokenSource _tokens;
    private readonly Uri _baseUrl;
    private readonly string _mailbox;
    private readonly TimeProvider _timeProvider;

    public GraphMailbox(HttpClient httpClient, IAccessTokenSource tokens, Uri baseUrl, string mailbox, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        _httpClient = httpClient;
        _tokens = tokens;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _mailbox = mailbox;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Mailbox => _mailbox;

    /// <summary>
    /// The first request of a full synchronisation. Only created messages are asked for (marking one read does not
    /// bring it back); immutable ids stay the same if someone moves the message.
    /// </summary>
    public Uri InitialDeltaUrl => new(_baseUrl, $"v1.0/users/{Uri.EscapeDataString(_mailbox)}/mailFolders('inbox')/messages/delta?changeType=created&$select=id,isRead");

    /// <summary>Whether <paramref name="link"/> points at this Graph root (a link kept from another root is of no use).</summary>
    public bool Owns(Uri link) => _baseUrl.IsBaseOf(link);

    /// <summary>One page of the delta: <paramref name="link"/> is the initial URL, a nextLink or a deltaLink.</summary>
    public async Task<GraphDeltaPage> GetDeltaPageAsync(Uri link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Owns(link))
        {
            throw new MailPermanentException($"Graph delta link {link.GetLeftPart(UriPartial.Path)} is not under {_baseUrl}.");
        }

        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, link);
            // https://learn.microsoft.com/graph/api/message-delta: page size by odata.maxpagesize; ImmutableId keeps ids across moves.
            request.Headers.Add("Prefer", "odata.maxpagesize=50");
            request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
            return request;
        }, "delta", ct);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            throw new GraphSyncStateGoneException($"Graph no longer knows this delta link ({await ErrorCodeAsync(response, ct)}); synchronising again.");
        }

        await EnsureSuccessAsync(response, "delta", ct);

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = document.RootElement;
        var messages = new List<GraphDeltaMessage>();
        if (root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } text)
                {
                    messages.Add(new GraphDeltaMessage(text, item.TryGetProperty("@removed", out _),
                        item.TryGetProperty("isRead", out var read) && read.ValueKind == JsonValueKind.True));
                }
            }
        }

        return new GraphDeltaPage(messages, Link(root, "@odata.nextLink"), Link(root, "@odata.deltaLink"));
    }

    /// <summary>The message as MIME (RFC 5322), as Graph exports it.</summary>
    public async Task<byte[]> GetMimeAsync(string messageId, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, MessageUrl(messageId, "/$value")), "$value", ct);
        await EnsureSuccessAsync(response, "$value", ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async Task MarkReadAsync(string messageId, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Patch, MessageUrl(messageId, ""))
        {
            Content = new StringContent("{\"isRead\":true}", Encoding.UTF8, Json),
        }, "PATCH isRead", ct);
        await EnsureSuccessAsync(response, "PATCH isRead", ct);
    }

    private Uri MessageUrl(string messageId, string suffix) =>
        new(_baseUrl, $"v1.0/users/{Uri.EscapeDataString(_mailbox)}/messages/{Uri.EscapeDataString(messageId)}{suffix}");

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAccessTokenAsync(ct));
            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException exception)
            {
                throw new MailTransientException($"Graph {what} for {_mailbox} unreachable: {exception.Message}", null, exception);
            }
            catch (TaskCanceledException exception) when (!ct.IsCancellationRequested)
            {
                throw new MailTransientException($"Graph {what} for {_mailbox} timed out.", null, exception);
            }

            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
            {
                return response;
            }

            var wait = RetryAfter.Of(response, _timeProvider.GetUtcNow()) ?? DefaultBackOff;
            response.Dispose();
            if (attempt >= MaxThrottledTries)
            {
                throw new MailTransientException($"Graph {what} for {_mailbox} still throttled after {attempt} tries.", wait);
            }
            // A real wait, not the injected clock's: Graph counts it in wall time.
            await Task.Delay(wait < LongestBackOff ? wait : LongestBackOff, ct);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = $"Graph {what} for {_mailbox} returned {(int)response.StatusCode} ({await ErrorCodeAsync(response, ct)})";
        if ((int)response.StatusCode >= 500)
        {
            throw new MailTransientException(message);
        }
        // 401/403: the app lacks Mail.ReadWrite or the application access policy leaves this mailbox out; 404: no such mailbox.
        throw new MailPermanentException(message);
    }

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return document.RootElement.GetProperty("error").GetProperty("code").GetString() ?? "no code";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "no error body";
        }
    }

    private static Uri? Link(JsonElement root, string name) =>
        root.TryGetProperty(name, out var link) && link.GetString() is { Length: > 0 } text ? new Uri(text) : null;
}

/// <summary>One page: the messages on it, then either where the next page is or the link for the next round.</summary>
public sealed record GraphDeltaPage(IReadOnlyList<GraphDeltaMessage> Messages, Uri? NextLink, Uri? DeltaLink);

/// <summary>A message in a delta page; <see cref="Removed"/> when it left the folder.</summary>
public sealed record GraphDeltaMessage(string Id, bool Removed, bool IsRead);

/// <summary>Graph answered 410 Gone to a delta link: the synchronisation starts over from the initial URL.</summary>
public sealed class GraphSyncStateGoneException(string message) : MailTransientException(message);
