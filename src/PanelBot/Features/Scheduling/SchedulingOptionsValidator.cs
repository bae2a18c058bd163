using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace PanelBot.Features.Scheduling;

public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new List<string>();
        foreach (var reminder in options.DefaultReminders)
        {
            if (!ReminderOffsets.TryParse(reminder, out _))
            {
                failures.Add($"Scheduling:DefaultReminders: '{reminder}' is not a reminder time; use e.g. 3d, 1h or 30m (1 minute to 60 days).");
            }
        }

        if (!LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(options.DigestTime ?? "").Success)
        {
            failures.Add($"Scheduling:DigestTime: '{options.DigestTime}' is not a time of day; use HH:mm, e.g. 08:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
