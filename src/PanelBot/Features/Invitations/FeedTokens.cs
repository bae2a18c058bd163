using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Secret feed addresses: <c>{organiser id, base64url}.{HMAC-SHA256 of it}</c>. The key is <c>Mail:FeedSecret</c>, or a
/// random key created once in the database, so every instance and every restart issues and accepts the same tokens.
/// </summary>
public sealed class FeedTokens(PanelBotDbContext db, IOptions<MailOptions> options)
{
    private const string KeyName = "feed-token-key";

    public async Task<string> ForOrganiserAsync(string organiserId, CancellationToken ct)
    {
        var id = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(organiserId));
        return id + "." + WebEncoders.Base64UrlEncode(Mac(await KeyAsync(ct), organiserId));
    }

    /// <summary>The organiser a token was issued for, or null when it is not one of ours.</summary>
    public async Task<string?> OrganiserOfAsync(string token, CancellationToken ct)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || token.Length > 2000) return null;
        try
        {
            var organiserId = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token[..dot]));
            var given = WebEncoders.Base64UrlDecode(token[(dot + 1)..]);
            var expected = Mac(await KeyAsync(ct), organiserId);
            return CryptographicOperations.FixedTimeEquals(given, expected) ? organiserId : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Mac(byte[] key, string organiserId) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("organiser-feed:" + organiserId));

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (options.Value.FeedSecret is { Length: > 0 } secret) return Encoding.UTF8.GetBytes(secret);
        var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName, ct);
        if (stored is not null) return Convert.FromBase64String(stored.Value);
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
