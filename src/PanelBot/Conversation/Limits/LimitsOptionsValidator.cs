using Microsoft.Extensions.Options;

namespace PanelBot.Conversation.Limits;

public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions o)
    {
        var failures = new List<string>();
        Positive(failures, nameof(o.CommandsPerUser), o.CommandsPerUser);
        Positive(failures, nameof(o.CommandsPerTenant), o.CommandsPerTenant);
        Positive(failures, nameof(o.CommandWindowSeconds), o.CommandWindowSeconds);
        Positive(failures, nameof(o.NewEventsPerUser), o.NewEventsPerUser);
        Positive(failures, nameof(o.NewEventWindowSeconds), o.NewEventWindowSeconds);
        Positive(failures, nameof(o.MaxCommandLength), o.MaxCommandLength);
        Positive(failures, nameof(o.MaxTokenLength), o.MaxTokenLength);
        if (o.MaxReminderOffsets is < 1 or > 50)
        {
            failures.Add($"Limits:MaxReminderOffsets must be between 1 and 50 (each reminder time becomes a job per event); it is {o.MaxReminderOffsets}.");
        }

        if (o.MaxTokenLength > o.MaxCommandLength)
        {
            failures.Add("Limits:MaxTokenLength cannot be larger than Limits:MaxCommandLength.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, int value)
    {
        if (value <= 0)
        {
            failures.Add($"Limits:{key} must be a positive number; it is {value}.");
        }
    }
}
