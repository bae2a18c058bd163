using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PanelBot.Diagnostics;
using PanelBot.Features.Operations;
using Quartz;

namespace PanelBot.Features.Scheduling.Jobs;

/// <summary>
/// Base of the scheduled jobs: reads the ids from the job data (strings only, so the store keeps no serialized
/// objects), runs the work in a scope of its own, and reports failures once. The work re-loads the event and decides
/// whether it is still due; deliveries make a re-run harmless.
/// </summary>
public abstract class EventJob(IServiceScopeFactory scopes, ILogger logger) : IJob
{
    public const string EventIdKey = "eventId";
    public const string OffsetMinutesKey = "offsetMinutes";

    private const int MaxAttempts = 3;

    protected abstract string Kind { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var eventId = long.Parse(data.GetString(EventIdKey)!, CultureInfo.InvariantCulture);
        var offset = data.TryGetString(OffsetMinutesKey, out var minutes) && minutes is not null
            ? Duration.FromMinutes(long.Parse(minutes, CultureInfo.InvariantCulture))
            : Duration.Zero;
        using var span = PanelBotTelemetry.StartJob(Kind);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await RunAsync(scope.ServiceProvider, eventId, offset, context.ScheduledFireTimeUtc, cancellationToken);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    // The event changed between this run's read and its save (an organiser's edit): run again on the
                    // new version, in a fresh scope; what was already delivered is in the delivery log and not resent.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PanelBotTelemetry.Failed(span, ex);
            SchedulingLog.JobFailed(logger, ex, Kind, eventId);
            throw new JobExecutionException(ex);
        }
    }

    protected abstract Task RunAsync(IServiceProvider services, long eventId, Duration offset, DateTimeOffset? dueAt, CancellationToken ct);
}
