using System.Diagnostics.CodeAnalysis;

namespace PanelBot.Domain.Programme;

/// <summary>Role words (with aliases), labels and the order in which roles are shown on the card.</summary>
public static class SpeakerRoles
{
    /// <summary>Moderator, Chair, Keynote, Presenter, Discussant, Panellist.</summary>
    public static readonly IReadOnlyList<SpeakerRole> DisplayOrder =
    [
        SpeakerRole.Moderator, SpeakerRole.Chair, SpeakerRole.Keynote,
        SpeakerRole.Presenter, SpeakerRole.Discussant, SpeakerRole.Panellist,
    ];

    private static readonly Dictionary<string, SpeakerRole> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moderator"] = SpeakerRole.Moderator,
        ["chair"] = SpeakerRole.Chair,
        ["presenter"] = SpeakerRole.Presenter,
        ["case-study"] = SpeakerRole.Presenter,
        ["casestudy"] = SpeakerRole.Presenter,
        ["case study"] = SpeakerRole.Presenter,
        ["discussant"] = SpeakerRole.Discussant,
        ["panellist"] = SpeakerRole.Panellist,
        ["panelist"] = SpeakerRole.Panellist,
        ["keynote"] = SpeakerRole.Keynote,
    };

    /// <summary>The role words a user may type (canonical ones first).</summary>
    public static IReadOnlyList<string> Names { get; } = ["moderator", "chair", "presenter", "discussant", "panellist", "keynote"];

    public static bool TryParse(string? text, [NotNullWhen(true)] out SpeakerRole? role)
    {
        role = null;
        if (text is null || !Words.TryGetValue(text.Trim(), out var found))
        {
            return false;
        }

        role = found;
        return true;
    }

    /// <summary>Order key for display (0 = first).</summary>
    public static int DisplayRank(SpeakerRole role)
    {
        for (var i = 0; i < DisplayOrder.Count; i++)
        {
            if (DisplayOrder[i] == role)
            {
                return i;
            }
        }

        return DisplayOrder.Count;
    }

    public static string Label(SpeakerRole role) => role switch
    {
        SpeakerRole.Presenter => "Presenter",
        SpeakerRole.Panellist => "Panellist",
        _ => role.ToString(),
    };

    public static string PluralLabel(SpeakerRole role) => role switch
    {
        SpeakerRole.Presenter => "Presenters",
        SpeakerRole.Moderator => "Moderator",
        SpeakerRole.Chair => "Chair",
        _ => role + "s",
    };

    public static bool TryParseStatus(string? text, [NotNullWhen(true)] out SpeakerStatus? status)
    {
        status = text?.Trim().ToLowerInvariant() switch
        {
            "invited" => SpeakerStatus.Invited,
            "tbc" or "tbd" => SpeakerStatus.Tbc,
            "confirmed" => SpeakerStatus.Confirmed,
            "declined" => SpeakerStatus.Declined,
            _ => null,
        };
        return status is not null;
    }
}
