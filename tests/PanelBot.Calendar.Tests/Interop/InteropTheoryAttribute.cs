namespace PanelBot.Calendar.Tests.Interop;

/// <summary>The [Theory] counterpart of <see cref="InteropFactAttribute"/>.</summary>
public sealed class InteropTheoryAttribute : TheoryAttribute
{
    public InteropTheoryAttribute()
    {
        if (!InteropTools.IsCi && InteropTools.MissingReason is { } reason)
        {
            Skip = reason + " (skipped because CI is not set)";
        }
    }
}
