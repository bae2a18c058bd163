using System.Diagnostics.CodeAnalysis;
using PanelBot.Mail;

namespace PanelBot.Features.People;

/// <summary>Addresses are checked where they come in, with the rules of the mail path, so none fails later in a batch.</summary>
public static class EmailEntry
{
    public static bool TryAccept(string? typed, [NotNullWhen(true)] out string? address) =>
        DeliverableAddress.TryNormalise(typed, out address);

    /// <summary>The address itself is not repeated: the answer may land in a shared conversation.</summary>
    public const string Refusal =
        "I can't send mail to that address. Please give one like name@example.org, with no accents, spaces or brackets " +
        "before the @ (the domain may have accents).";
}
