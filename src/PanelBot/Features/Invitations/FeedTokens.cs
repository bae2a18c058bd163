using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Secret feed addresses: <c>{organiser id or series name, base64url}.{HMAC-SHA256 of it and the feed's purpose}</c>. The key is <c>Mail:FeedSecret</c>, or a
/// random key created once in the database, so every instance and every restart issues and accepts the same tokens.
/// </summary>
public sealed class FeedTokens(PanelBotDbContext db, IOptions<MailOptions> options)
{
    private const string KeyName = "feed-token-key";

    private const string OrganiserFeed = "organiser-feed:";
    private const string SeriesFeed = "series-feed:";

    public Task<string> ForOrganiserAsync(string organiserId, CancellationToken ct) => IssueAsync(OrganiserFeed, organiserId, ct);

    /// <summary>The organiser a token was issued for, or null when it is not one of ours.</summary>
    public Task<string?> OrganiserOfAsync(string token, CancellationToken ct) => ReadAsync(OrganiserFeed, token, ct);

    /// <summary>A feed of every public event that is part of a series or conference (<c>Event.PartOf</c>).</summary>
    public Task<string> ForSeriesAsync(string series, CancellationToken ct) => IssueAsync(SeriesFeed, series, ct);

    public Task<string?> SeriesOfAsync(string token, CancellationToken ct) => ReadAsync(SeriesFeed, token, ct);

    private async Task<string> IssueAsync(string purpose, string subject, CancellationToken ct)
    {
        var id = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(subject));
        return id + "." + WebEncoders.Base64UrlEncode(Mac(await KeyAsync(ct), purpose, subject));
    }

    private async Task<string?> ReadAsync(string purpose, string token, CancellationToken ct)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var subject = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token[..dot]));
            var given = WebEncoders.Base64UrlDecode(token[(dot + 1)..]);
            var expected = Mac(await KeyAsync(ct), purpose, subject);
            return CryptographicOperations.FixedTimeEquals(given, expected) ? subject : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The purpose is part of the MAC, so an organiser's token never opens a series feed of the same name, or back.
    private static byte[] Mac(byte[] key, string purpose, string subject) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + subject));

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (options.Value.FeedSecret is { Length: > 0 } secret)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, ct);
        if (stored is not null)
        {
            return Convert.FromBase64String(stored.Value);
        }

        var created = new AppSecret { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        db.AppSecrets.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return Convert.FromBase64String(created.Value);
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs.
            db.Entry(created).State = EntityState.Detached;
            var winner = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == KeyName, ct);
            return Convert.FromBase64String(winner.Value);
        }
    }
}
