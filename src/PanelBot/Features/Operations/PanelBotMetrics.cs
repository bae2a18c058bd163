using System.Diagnostics.Metrics;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Operations;

/// <summary>
/// Our own instruments (meter "PanelBot"; the README lists them). Features call these at their seams; the OpenTelemetry
/// SDK exports them only when OTLP is configured, and without a listener a call costs next to nothing.
/// </summary>
public sealed class PanelBotMetrics
{
    public const string MeterName = "PanelBot";

    private readonly Counter<long> _rsvps;
    private readonly Counter<long> _mailQueued;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _mailFailed;
    private readonly Counter<long> _mailRetried;
    private readonly Counter<long> _remindersFired;
    private readonly Counter<long> _reminderDeliveries;
    private readonly Histogram<double> _reminderLateness;
    private readonly Counter<long> _connectorThrottled;

    public PanelBotMetrics(IMeterFactory meters, OutboxAge outboxAge)
    {
        var meter = meters.Create(MeterName);
        _rsvps = meter.CreateCounter<long>("panelbot.rsvp.answers", "{answer}", "RSVP answers that changed a registration, by answer and resulting state.");
        _mailQueued = meter.CreateCounter<long>("panelbot.mail.queued", "{message}", "Mails committed to the outbox, by kind (invitation, update, cancel, ...).");
        _mailSent = meter.CreateCounter<long>("panelbot.mail.sent", "{message}", "Outbox mails the server accepted, by kind.");
        _mailFailed = meter.CreateCounter<long>("panelbot.mail.failed", "{message}", "Outbox mails given up (permanent failure or too many attempts), by kind.");
        _mailRetried = meter.CreateCounter<long>("panelbot.mail.retried", "{message}", "Outbox sends that failed transiently and were put back for a retry, by kind.");
        meter.CreateObservableGauge("panelbot.outbox.oldest_due_age", outboxAge.Observe, "s",
            "Seconds the oldest unsent, due outbox mail has been waiting (0 when none).");
        _remindersFired = meter.CreateCounter<long>("panelbot.reminders.fired", "{reminder}", "Reminders that ran and were still useful (before the start).");
        _reminderDeliveries = meter.CreateCounter<long>("panelbot.reminders.deliveries", "{delivery}", "Reminder deliveries, by channel (chat, mail).");
        _reminderLateness = meter.CreateHistogram("panelbot.reminders.lateness", "s", "Seconds between a reminder's due time and when it ran.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600] });
        _connectorThrottled = meter.CreateCounter<long>("panelbot.connector.throttled", "{response}", "HTTP 429 answers from the Bot Connector (each try counts).");
    }

    public void Rsvp(RsvpAnswer answer, RsvpState? state) =>
        _rsvps.Add(1, new("answer", Lower(answer.ToString())), new("state", state is { } s ? Lower(s.ToString()) : "removed"));

    public void MailQueued(string kind) => _mailQueued.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public void MailSent(string kind) => _mailSent.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public void MailFailed(string kind) => _mailFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public void MailRetried(string kind) => _mailRetried.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void ReminderFired(TimeSpan lateness, int chats, int mails)
    {
        _remindersFired.Add(1);
        _reminderLateness.Record(Math.Max(0, lateness.TotalSeconds));
        if (chats > 0)
        {
            _reminderDeliveries.Add(chats, new KeyValuePair<string, object?>("channel", "chat"));
        }

        if (mails > 0)
        {
            _reminderDeliveries.Add(mails, new KeyValuePair<string, object?>("channel", "mail"));
        }
    }

    public void ConnectorThrottled() => _connectorThrottled.Add(1);

    private static string Lower(string value) => value.ToLowerInvariant();
}
