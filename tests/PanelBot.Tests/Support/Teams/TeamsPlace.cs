using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support.Teams;

/// <summary>Where a Teams activity happens, shaped as Teams sends it (conversation and channelData).</summary>
public abstract record TeamsPlace
{
    public abstract string Scope { get; }

    public abstract string ConversationIdFor(TeamsUser user);

    public bool IsShared => Scope != "personal";

    public JsonObject Conversation(TeamsUser user)
    {
        var conversation = new JsonObject
        {
            ["conversationType"] = Scope, ["tenantId"] = FakeTeams.Tenant, ["id"] = ConversationIdFor(user),
        };
        if (IsShared) conversation["isGroup"] = true;
        return conversation;
    }

    public virtual JsonObject ChannelData() => new() { ["tenant"] = new JsonObject { ["id"] = FakeTeams.Tenant } };

    /// <summary>Each user's own 1:1 chat with the bot.</summary>
    public sealed record Personal : TeamsPlace
    {
        public override string Scope => "personal";
        public override string ConversationIdFor(TeamsUser user) => user.PersonalConversationId;
    }

    public sealed record GroupChat(string ConversationId, string Topic) : TeamsPlace
    {
        public override string Scope => "groupChat";
        public override string ConversationIdFor(TeamsUser user) => ConversationId;
    }

    /// <summary>A thread in a team's channel: Teams names it by the channel and the thread's root message.</summary>
    public sealed record Channel(string TeamId, string TeamName, string ChannelId, string RootMessageId) : TeamsPlace
    {
        public override string Scope => "channel";
        public string ThreadId => $"{ChannelId};messageid={RootMessageId}";
        public override string ConversationIdFor(TeamsUser user) => ThreadId;

        public override JsonObject ChannelData()
        {
            var data = base.ChannelData();
            data["team"] = new JsonObject { ["id"] = TeamId, ["name"] = TeamName, ["aadGroupId"] = "8d4a1c5e-0000-4000-8000-000000000001" };
            data["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "General" };
            return data;
        }
    }
}
