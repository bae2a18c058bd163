namespace PanelBot.Domain.Commands;

/// <summary>
/// A user named in a command: a Teams mention ("&lt;at&gt;Jenny&lt;/at&gt;" or "@Jenny", <see cref="IsMention"/>) whose id the app
/// resolves from the activity's mention entities, or a raw user id ("29:1abc...").
/// </summary>
public sealed record UserRef(string Text, bool IsMention)
{
    public override string ToString() => IsMention ? "@" + Text : Text;
}
