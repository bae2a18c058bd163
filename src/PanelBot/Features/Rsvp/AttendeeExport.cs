using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Features.Events;
using PanelBot.Hosting;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// <c>export #N</c>: a short-lived signed link to the attendee list as CSV. A link rather than a file because bots
/// cannot attach files in Teams channels; it expires so a forwarded message does not leak the list for long.
/// </summary>
public sealed class AttendeeExport(EventLookup lookup, IDataProtectionProvider protection, PublicUrls publicUrl, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);
    private const string Purpose = "PanelBot.AttendeeExport.v2";

    public async Task<BotReply> LinkAsync(TurnRequest request, EventRef reference, CancellationToken ct)
    {
        var ev = await lookup.FindAsync(reference, ct);
        if (ev is null)
        {
            return EventLookup.NotFound(reference);
        }

        if (!ev.CanEdit(request.UserId))
        {
            return $"Only the organisers of {ev.Reference} can export its attendee list.";
        }

        var expires = clock.GetUtcNow().Add(LinkLifetime).ToUnixTimeSeconds();
        var token = Protector().Protect(FormattableString.Invariant($"{ev.Number}|{expires}"));
        var url = publicUrl.For($"exports/{Uri.EscapeDataString(token)}");
        return ((BotReply)$"The attendee list of {ev.Reference} as CSV (the link works for {LinkLifetime.TotalMinutes:0} minutes): [download]({url})\n{url}")
            .ForRequesterOnly($"the download link for the attendee list of {ev.Reference}");
    }

    /// <summary>The event number a token grants, or null when it is forged, altered or expired.</summary>
    /// <remarks>
    /// The expiry travels inside the protected payload and is judged by the injected clock, the same one that made
    /// it. <c>ITimeLimitedDataProtector</c> would judge it by the machine's clock instead, so a link made under one
    /// notion of "now" would be checked under another.
    /// </remarks>
    public int? Read(string token)
    {
        try
        {
            var parts = Protector().Unprotect(token).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires
                ? number
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector(Purpose);
}
