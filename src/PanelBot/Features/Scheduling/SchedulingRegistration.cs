namespace PanelBot.Features.Scheduling;

public static class SchedulingRegistration
{
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScheduleCommandHandler>();
        return builder;
    }
}
