namespace PanelBot.Calendar.Tests.Interop;

/// <summary>A [Fact] that skips when the parsers are missing, unless CI is set: then it runs and fails loudly.</summary>
public sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute()
    {
        if (!InteropTools.IsCi && InteropTools.MissingReason is { } reason)
        {
            Skip = reason + " (skipped because CI is not set)";
        }
    }
}
