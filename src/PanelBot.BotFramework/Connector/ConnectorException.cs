using System.Net;

namespace PanelBot.BotFramework;

/// <summary>The connector answered with an error (after any retries).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message, string? correlationId = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        CorrelationId = correlationId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>error.code</c> of the body, e.g. <c>BotNotInConversationRoster</c> or <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> response header, useful when asking Microsoft for help.</summary>
    public string? CorrelationId { get; }

    /// <summary>How long the connector asked the bot to wait (the <c>Retry-After</c> of a 429 or 503), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when a later try may succeed (throttled, or the service is briefly unavailable).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;

    /// <summary>True when the bot can no longer write to the conversation (uninstalled or blocked): do not retry.</summary>
    public bool IsBotRemoved => StatusCode == HttpStatusCode.Forbidden;
}
