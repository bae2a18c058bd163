using PanelBot.BotFramework;
using PanelBot.Conversation;
using PanelBot.Features;
using PanelBot.Features.CalendarReplies;
using PanelBot.Features.Invitations;
using PanelBot.Features.Operations;
using PanelBot.Features.Rsvp;
using PanelBot.Features.Scheduling;
using PanelBot.Playground;
using PanelBot.Storage;

namespace PanelBot.Hosting;

public static class PanelBotHosting
{
    public static IHostApplicationBuilder AddPanelBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.AddStorage();
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddScoped<IBot, PanelBotTurnHandler>();
        builder.Services.AddFeatures(builder.Configuration);
        builder.AddInvitations();
        builder.AddCalendarReplies();
        builder.AddScheduling();
        builder.AddOperations();
        return builder;
    }

    public static WebApplication MapPanelBot(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapBotFramework();
        app.MapPlaygroundPage();
        app.MapInvitations();
        app.MapAttendeeExport();
        app.MapOperations();
        return app;
    }
}
