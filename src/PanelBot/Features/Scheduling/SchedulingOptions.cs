using System.ComponentModel.DataAnnotations;
using NodaTime;
using NodaTime.Text;

namespace PanelBot.Features.Scheduling;

/// <summary>Binds <c>Scheduling</c>; checked at start-up (<see cref="SchedulingOptionsValidator"/>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off: no scheduler runs in this instance (e.g. a web-only node); reminders wait for one that has it on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Reminder times before the start when the organiser has not picked any (d, h or m).</summary>
    // An array, not a list: the configuration binder appends to a list's defaults but replaces an array.
    public string[] DefaultReminders { get; set; } = ["3d", "1h"];

    [Range(0, 60 * 24 * 60)]
    public int BriefingMinutesBefore { get; set; } = 2 * 24 * 60;

    [Range(0, 7 * 24 * 60)]
    public int FollowUpMinutesAfterEnd { get; set; } = 60;

    /// <summary>Local time of day, in each event's zone, of the organiser digest (HH:mm).</summary>
    [Required]
    public string DigestTime { get; set; } = "08:00";

    /// <summary>Null: clustered on PostgreSQL, single-node on SQLite (which cannot be shared between machines).</summary>
    public bool? Clustered { get; set; }

    [Range(1, 3600)]
    public double IdleWaitSeconds { get; set; } = 30;

    [Range(1, 3600)]
    public double MisfireThresholdSeconds { get; set; } = 60;

    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 4;

    [Range(1, 600)]
    public double ClusterCheckinSeconds { get; set; } = 15;

    /// <summary>Pause between two proactive messages to the same conversation (Teams allows about 7 per second).</summary>
    [Range(0, 10_000)]
    public int ChatGapMilliseconds { get; set; } = 250;

    public IReadOnlyList<Duration> DefaultReminderOffsets =>
        DefaultReminders.Select(r => ReminderOffsets.TryParse(r, out var d) ? d : Duration.Zero).ToList();

    public Duration BriefingBefore => Duration.FromMinutes(BriefingMinutesBefore);
    public Duration FollowUpAfterEnd => Duration.FromMinutes(FollowUpMinutesAfterEnd);
    public LocalTime DigestLocalTime => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(DigestTime).GetValueOrThrow();
}
