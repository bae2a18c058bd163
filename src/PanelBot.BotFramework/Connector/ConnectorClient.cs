using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PanelBot.BotFramework.Connector;

/// <summary>HttpClient implementation of the Bot Connector REST API for one service URL.</summary>
internal sealed class ConnectorClient(
    HttpClient http,
    Uri serviceUrl,
    ServiceUrlPolicy policy,
    IBotTokenProvider? tokens,
    ConnectorRetryPolicy retry,
    int maxAttempts,
    ILogger logger) : IConnectorClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Uri ServiceUrl { get; } = serviceUrl;

    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken ct = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Path("v3/conversations", conversationId, "activities", activityId), WithoutId(activity), ct);

    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken ct = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Path("v3/conversations", conversationId, "activities"), WithoutId(activity), ct);

    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken ct = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, Path("v3/conversations", conversationId, "activities", activityId), activity, ct);

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Delete, Path("v3/conversations", conversationId, "activities", activityId), null, ct);

    public async Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken ct = default) =>
        await SendAsync<ConversationResourceResponse>(HttpMethod.Post, "v3/conversations", parameters, ct).ConfigureAwait(false)
        ?? throw new ConnectorException(HttpStatusCode.OK, null, "Create conversation returned an empty body.");

    public async Task<TeamsChannelAccount?> GetConversationMemberAsync(string conversationId, string userId, CancellationToken ct = default)
    {
        try
        {
            return await SendAsync<TeamsChannelAccount>(HttpMethod.Get, Path("v3/conversations", conversationId, "members", userId), null, ct)
                .ConfigureAwait(false);
        }
        catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken ct = default)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size);
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = Path("v3/conversations", conversationId, "pagedmembers") + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return await SendAsync<PagedMembersResult>(HttpMethod.Get, path, null, ct).ConfigureAwait(false) ?? new PagedMembersResult();
    }

    private static string Path(string prefix, params string[] segments) =>
        prefix + "/" + string.Join('/', segments.Select(s => Uri.EscapeDataString(s ?? throw new ArgumentNullException(nameof(segments)))));

    // The SDK clears the id before sending: the channel assigns it.
    private static Activity WithoutId(Activity activity)
    {
        activity.Id = null;
        return activity;
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string relativePath, object? body, CancellationToken ct)
        where T : class
    {
        var trust = policy.Check(ServiceUrl);
        if (trust == ServiceUrlTrust.Untrusted)
        {
            throw new UntrustedServiceUrlException(ServiceUrl.OriginalString);
        }

        var target = new Uri(ServiceUrl, relativePath);
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options);
        var token = trust == ServiceUrlTrust.Trusted && tokens is not null
            ? await tokens.GetAccessTokenAsync(ct).ConfigureAwait(false)
            : null;

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, target);
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload) { Headers = { ContentType = Json } };
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await ReadBodyAsync<T>(response, ct).ConfigureAwait(false);
            }

            if (attempt < maxAttempts && ConnectorRetryPolicy.IsRetryable(response.StatusCode))
            {
                var delay = retry.DelayFor(response.Headers.RetryAfter, attempt);
                logger.LogWarning("Connector {Method} {Path} answered {Status}; retry {Attempt} in {Delay}",
                    method, relativePath, (int)response.StatusCode, attempt, delay);
                await retry.DelayAsync(delay, ct).ConfigureAwait(false);
                continue;
            }

            throw await ToExceptionAsync(response, ct).ConfigureAwait(false);
        }
    }

    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken ct)
        where T : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (typeof(T) == typeof(object) || bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<ConnectorException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        string? code = null;
        string? message = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(BotJson.Options, ct).ConfigureAwait(false);
            code = error?.Error?.Code;
            message = error?.Error?.Message;
        }
        catch (JsonException)
        {
            // Not the documented error shape; the status code alone will have to do.
        }

        var text = $"Connector answered {(int)response.StatusCode} {response.ReasonPhrase}"
            + (code is null ? "" : $" ({code})") + (message is null ? "." : $": {message}");
        return new ConnectorException(response.StatusCode, code, text, correlation)
        {
            RetryAfter = response.Headers.RetryAfter is { } asked ? retry.DelayFor(asked, 1) : null,
        };
    }

    private sealed record ErrorResponse(ErrorBody? Error);

    private sealed record ErrorBody(string? Code, string? Message);
}
