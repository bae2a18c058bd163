namespace PanelBot.Features.Invitations;

public static class InvitationsRegistration
{
    public static IHostApplicationBuilder AddInvitations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutboxCommandHandler>();
        return builder;
    }
}
