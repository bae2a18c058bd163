using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PanelBot.BotFramework.Authentication;

/// <summary>
/// Per metadata URL: a cached <see cref="ConfigurationManager{T}"/> (refreshes on an unknown kid, at most every
/// 5 minutes) and the JWKS <c>endorsements</c> lists, which IdentityModel does not model, downloaded separately.
/// </summary>
internal sealed class OpenIdMetadata(IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "PanelBot.BotFramework.OpenId";
    private static readonly TimeSpan EndorsementsMaxAge = TimeSpan.FromHours(12);
    private static readonly TimeSpan UnknownKidRefetchAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new();
    private readonly ConcurrentDictionary<string, EndorsementSet> _endorsements = new();
    private readonly SemaphoreSlim _endorsementGate = new(1, 1);

    public ConfigurationManager<OpenIdConnectConfiguration> ManagerFor(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, url => new ConfigurationManager<OpenIdConnectConfiguration>(
            url,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !IsLoopback(url) }));

    /// <summary>The channels the key is endorsed for; null when the key has no endorsements list.</summary>
    public async Task<IReadOnlySet<string>?> EndorsementsAsync(string metadataUrl, string keyId, CancellationToken ct)
    {
        var configuration = await ManagerFor(metadataUrl).GetConfigurationAsync(ct).ConfigureAwait(false);
        var jwksUri = configuration.JwksUri;
        if (string.IsNullOrEmpty(jwksUri))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (_endorsements.TryGetValue(jwksUri, out var cached) && cached.IsFresh(now, keyId))
        {
            return cached.For(keyId);
        }

        await _endorsementGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_endorsements.TryGetValue(jwksUri, out cached) && cached.IsFresh(time.GetUtcNow(), keyId))
            {
                return cached.For(keyId);
            }

            var fresh = await DownloadAsync(jwksUri, ct).ConfigureAwait(false);
            _endorsements[jwksUri] = fresh;
            return fresh.For(keyId);
        }
        finally
        {
            _endorsementGate.Release();
        }
    }

    private async Task<EndorsementSet> DownloadAsync(string jwksUri, CancellationToken ct)
    {
        if (!IsLoopback(jwksUri) && !jwksUri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The JWKS URI must use https.");
        }

        using var http = httpClients.CreateClient(HttpClientName);
        await using var stream = await http.GetStreamAsync(jwksUri, ct).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);

        var byKid = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keys.EnumerateArray())
            {
                if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                    && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    byKid[kid.GetString()!] = list.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.String)
                        .Select(e => e.GetString()!)
                        .ToHashSet(StringComparer.OrdinalIgnoreCase);
                }
            }
        }

        return new EndorsementSet(time.GetUtcNow(), byKid);
    }

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private sealed record EndorsementSet(DateTimeOffset FetchedAt, Dictionary<string, IReadOnlySet<string>> ByKid)
    {
        public bool IsFresh(DateTimeOffset now, string keyId) =>
            now - FetchedAt < EndorsementsMaxAge && (ByKid.ContainsKey(keyId) || now - FetchedAt < UnknownKidRefetchAfter);

        public IReadOnlySet<string>? For(string keyId) => ByKid.GetValueOrDefault(keyId);
    }
}
