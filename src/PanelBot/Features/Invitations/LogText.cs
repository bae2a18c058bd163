using System.Text.RegularExpressions;

namespace PanelBot.Features.Invitations;

/// <summary>Server replies quote addresses ("550 5.1.1 &lt;ann@example.org&gt;: unknown user"); logs keep the reason, not the address.</summary>
public static partial class LogText
{
    public static string WithoutAddresses(string text) => Address().Replace(text, "<address>");

    [GeneratedRegex(@"[^\s<>""',;:()\[\]]+@[^\s<>""',;:()\[\]]+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Address();
}
