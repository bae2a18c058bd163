using PanelBot.Conversation;
using PanelBot.Conversation.Routing;
using PanelBot.Domain.Commands;

namespace PanelBot.Features.Help;

public static class HelpRegistration
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton<Welcome>();
        services.AddSingleton<IGreeter>(sp => sp.GetRequiredService<Welcome>());
        services.AddCommandRoute<HelpCommand, Welcome>((_, request, help, _, _) =>
            Task.FromResult(HelpReply.Render(help.Topic, request.Surface)));
        services.AddCardVerb<Welcome>(Welcome.HelpVerb, (_, request, _, _, _, _) =>
            Task.FromResult(HelpReply.Render(null, request.Surface)));
        services.AddCardVerb<CommandHandler>(Welcome.DemoVerb, (commands, request, _, _, zone, ct) =>
            commands.ExecuteAsync(request, new DemoCommand(), zone, ct));
        return services;
    }
}
