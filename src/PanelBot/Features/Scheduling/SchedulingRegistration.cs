using Microsoft.Extensions.Options;
using PanelBot.Conversation.Routing;
using PanelBot.Domain.Commands;
using PanelBot.Features.Notifications;
using PanelBot.Features.Scheduling.Delivery;
using PanelBot.Features.Scheduling.Jobs;
using PanelBot.Features.Scheduling.Work;
using PanelBot.Storage;
using Quartz;

namespace PanelBot.Features.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>Quartz's tables carry this prefix (migration 0005); Quartz's own default is upper-case QRTZ_.</summary>
    public const string TablePrefix = "qrtz_";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection(SchedulingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddOptions<ScheduledMailOptions>().Bind(builder.Configuration.GetSection("Mail"));

        services.AddScoped<ScheduleCommandHandler>();
        services.AddCommandRoute<RemindCommand, ScheduleCommandHandler>((h, request, c, _, ct) => h.HandleAsync(request, c, ct));
        services.AddCommandRoute<ScheduleCommand, ScheduleCommandHandler>((h, request, c, _, ct) => h.HandleAsync(request, c, ct));
        services.AddScoped<IEventObserver, ScheduleObserver>();
        services.AddScoped<EventJobScheduler>();
        services.AddSingleton<ProactiveQueue>();
        services.AddScoped<ScheduledMail>();
        services.AddScoped<DeliveryLog>();
        services.AddScoped<AttendeeDelivery>();
        services.AddScoped<ScheduledEvents>();
        services.AddScoped<ReminderWork>();
        services.AddScoped<ReleaseWork>();
        services.AddScoped<IJoinLinkReleaseMail, InvitationReleaseMail>();
        services.AddScoped<BriefingWork>();
        services.AddScoped<FollowUpWork>();
        services.AddScoped<DigestWork>();
        services.AddTransient<ReminderJob>();
        services.AddTransient<ReleaseJob>();
        services.AddTransient<BriefingJob>();
        services.AddTransient<FollowUpJob>();
        services.AddTransient<DigestJob>();

        AddQuartz(builder);
        return builder;
    }

    private static void AddQuartz(IHostApplicationBuilder builder)
    {
        // The store must be chosen while the container is described, so read the storage settings now; they are the
        // same keys StorageRegistration binds (ConnectionStrings:PanelBot wins over Storage:ConnectionString).
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = builder.Configuration.GetConnectionString("PanelBot") ?? storage.ConnectionString;
        var scheduling = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var clustered = scheduling.Clustered ?? storage.Provider == StorageProvider.PostgreSql;

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "PanelBot";
                o.IdleWaitTime = TimeSpan.FromSeconds(scheduling.IdleWaitSeconds);
            });
            q.UseDefaultThreadPool(scheduling.MaxConcurrentJobs);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = TablePrefix;
                    // Job data is ids as strings: readable in the table, and no serializer to keep compatible.
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = TimeSpan.FromSeconds(scheduling.MisfireThresholdSeconds);
                });
                if (storage.Provider == StorageProvider.PostgreSql)
                {
                    store.UsePostgres(connectionString);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                if (clustered)
                {
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(scheduling.ClusterCheckinSeconds));
                }
            });
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = scheduling.Enabled;
        });
    }
}
