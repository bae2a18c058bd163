using System.Diagnostics.CodeAnalysis;
using PanelBot.Mail;

namespace PanelBot.Features.People;

/// <summary>Addresses are checked where they come in, with the rules of the mail path, so none fails later in a batch.</summary>
public static class EmailEntry
{
    public static bool TryAccept(string? typed, [NotNullWhen(true)] out string? address) =>
        DeliverableAddress.TryNormalise(typed, out address);

    public static string Refusal(string typed) =>
        $"I can't send mail to '{Shorten(typed)}'. Please give an address like name@example.org, " +
        "with no accents, spaces or brackets before the @ (the domain may have accents).";

    private static string Shorten(string typed) => typed.Length <= 80 ? typed : typed[..79] + "…";
}
