using System.Text.Json;
using NodaTime;
using PanelBot.Domain.Programme;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// What an outbox row needs to compose a person's calendar mail when it is sent (<see cref="OutboxEntry.Recipe"/>): the
/// event is read then, so the mail carries the event as it is at that moment.
/// </summary>
/// <param name="WithJoinLink">True for the join-link release; null: shown if the event's link is released by then.</param>
public sealed record InvitationRecipe(InvitationKind Kind, string Name, string? Zone = null, SpeakerRole? Role = null, bool? WithJoinLink = null)
{
    public static InvitationRecipe For(Invitee to, InvitationKind kind, bool? withJoinLink) =>
        new(kind, to.Name, to.Zone?.Id, to.SpeakerRole, withJoinLink);

    public Invitee Invitee(string email) =>
        new(email, Name, Zone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(Zone), Role);

    public string ToJson() => JsonSerializer.Serialize(this, JsonColumn.Options);

    public static InvitationRecipe FromJson(string json) =>
        JsonSerializer.Deserialize<InvitationRecipe>(json, JsonColumn.Options) ?? throw new JsonException("An empty outbox recipe.");
}
