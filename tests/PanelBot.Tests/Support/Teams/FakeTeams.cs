using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.Support.Teams;

/// <summary>
/// A stand-in for the Teams Bot Connector service (smba.trafficmanager.net) on a loopback port, speaking its JSON and
/// recording every call. It knows users (and whether they installed the app), team rosters and group chats, opens a 1:1
/// chat on <c>POST v3/conversations</c> the way Teams does (the same personal conversation the user has with the bot,
/// 403 when the app is not installed for them), answers member look-ups only for a team, a group chat or a 1:1 (a channel
/// thread id is not a roster), and answers 403 <c>BotNotInConversationRoster</c> where the bot was removed.
/// </summary>
public sealed partial class FakeTeams : IAsyncDisposable
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = BotClient.BotId;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TeamsCall> _calls = new();
    private readonly ConcurrentDictionary<string, TeamsUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _rosters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _sharedScopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _removed = new(StringComparer.Ordinal);
    private int _nextId = 1700000000;

    private FakeTeams(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<TeamsCall> Calls => _calls.ToList();

    public static async Task<FakeTeams> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var teams = new FakeTeams(app);
        app.Run(teams.HandleAsync);
        await app.StartAsync();
        teams.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/teams/";
        return teams;
    }

    public TeamsUser AddUser(string name, string? email = null, bool appInstalled = true)
    {
        var user = new TeamsUser(name, email ?? $"{name.ToLowerInvariant()}@contoso.example", appInstalled);
        _users[user.Id] = user;
        return user;
    }

    public TeamsPlace.Channel AddTeam(string teamName, params TeamsUser[] members)
    {
        var team = new TeamsPlace.Channel($"19:{teamName.ToLowerInvariant()}-team@thread.tacv2", teamName,
            $"19:{teamName.ToLowerInvariant()}-general@thread.tacv2", "1001");
        _rosters[team.TeamId] = members.Select(m => m.Id).ToHashSet();
        _sharedScopes[team.ChannelId] = "channel";
        return team;
    }

    public TeamsPlace.GroupChat AddGroupChat(string topic, params TeamsUser[] members)
    {
        var chat = new TeamsPlace.GroupChat($"19:{topic.ToLowerInvariant()}@thread.v2", topic);
        _rosters[chat.ConversationId] = members.Select(m => m.Id).ToHashSet();
        _sharedScopes[chat.ConversationId] = "groupChat";
        return chat;
    }

    /// <summary>The bot was uninstalled or removed there: writes to it get 403 from now on.</summary>
    public void RemoveBotFrom(string conversationId) => _removed[conversationId] = true;

    /// <summary>personal, groupChat or channel, as Teams would say for a conversation id (a channel thread included).</summary>
    public string ScopeOf(string conversationId) =>
        _sharedScopes.FirstOrDefault(s => conversationId == s.Key || conversationId.StartsWith(s.Key + ";", StringComparison.Ordinal)).Value
        ?? "personal";

    /// <summary>Every activity the bot posted or updated in a group chat or channel.</summary>
    public IReadOnlyList<TeamsCall> SharedActivities =>
        Calls.Where(c => c.IsActivity && c.Status < 300 && ScopeOf(c.ConversationId!) != "personal").ToList();

    /// <summary>Every activity the bot posted in the user's 1:1 chat.</summary>
    public IReadOnlyList<TeamsCall> PrivateTo(TeamsUser user) =>
        Calls.Where(c => c.IsActivity && c.Status < 300 && c.ConversationId == user.PersonalConversationId).ToList();

    public async Task<TeamsCall> WaitForAsync(Func<TeamsCall, bool> match, string what, TimeSpan? timeout = null) =>
        (await Eventually.Until(() => Calls.FirstOrDefault(match), found => found is not null,
            _ => $"Teams to see {what}. Calls:\n" + string.Join("\n", Calls.Select(c => c.Summary)), timeout))!;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        var (status, answer, conversationId) = Answer(context.Request.Method, path, body);
        _calls.Enqueue(new TeamsCall(context.Request.Method, path, body, status, conversationId));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private (int Status, JsonObject Body, string? ConversationId) Answer(string method, string path, string body)
    {
        if (method == "POST" && path == "/teams/v3/conversations") return CreateConversation(JsonNode.Parse(body)!.AsObject());
        if (ActivityPath().Match(path) is { Success: true } activity)
        {
            var conversationId = activity.Groups["conversation"].Value;
            if (_removed.ContainsKey(conversationId))
                return (403, Error("BotNotInConversationRoster", "The bot is not part of the conversation roster."), conversationId);
            return (method == "PUT" ? 200 : 201, new JsonObject { ["id"] = Interlocked.Increment(ref _nextId).ToString() }, conversationId);
        }
        if (method == "GET" && MemberPath().Match(path) is { Success: true } member)
            return LookUpMember(member.Groups["conversation"].Value, member.Groups["user"].Value);
        return (404, Error("NotFound", $"No such operation: {method} {path}"), null);
    }

    private (int, JsonObject, string?) CreateConversation(JsonObject parameters)
    {
        var members = parameters["members"]?.AsArray();
        var userId = members?.Count == 1 ? members[0]?["id"]?.GetValue<string>() : null;
        if (parameters["isGroup"]?.GetValue<bool>() != false || userId is null
            || parameters["bot"]?["id"]?.GetValue<string>() != BotId
            || parameters["channelData"]?["tenant"]?["id"]?.GetValue<string>() != Tenant)
            return (400, Error("BadSyntax", "A 1:1 conversation needs isGroup false, the bot, one member and channelData.tenant.id."), null);
        if (!_users.TryGetValue(userId, out var user) || !user.AppInstalled)
            return (403, Error("Forbidden", "The bot is not installed for this user."), null);
        return (201, new JsonObject { ["id"] = user.PersonalConversationId }, user.PersonalConversationId);
    }

    private (int, JsonObject, string?) LookUpMember(string rosterId, string userId)
    {
        var inRoster = _rosters.TryGetValue(rosterId, out var roster) && roster.Contains(userId)
                       || _users.TryGetValue(userId, out var me) && me.PersonalConversationId == rosterId;
        if (!inRoster || !_users.TryGetValue(userId, out var user))
            return (404, Error("ConversationNotFound", "Conversation not found."), rosterId);
        return (200, new JsonObject
        {
            ["id"] = user.Id, ["name"] = user.Name, ["objectId"] = user.AadObjectId, ["givenName"] = user.Name, ["surname"] = "Test",
            ["email"] = user.Email, ["userPrincipalName"] = user.Email, ["tenantId"] = Tenant, ["userRole"] = "user",
        }, rosterId);
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    [GeneratedRegex("^/teams/v3/conversations/(?<conversation>[^/]+)/activities(/(?<activity>[^/]+))?$")]
    private static partial Regex ActivityPath();

    [GeneratedRegex("^/teams/v3/conversations/(?<conversation>[^/]+)/members/(?<user>[^/]+)$")]
    private static partial Regex MemberPath();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One call the bot made to the connector, with what Teams answered.</summary>
public sealed partial record TeamsCall(string Method, string Path, string Body, int Status, string? ConversationId)
{
    public bool IsActivity => Method is "POST" or "PUT" && Path.Contains("/activities", StringComparison.Ordinal);

    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;

    public string Text => Json?["text"]?.GetValue<string>() ?? "";

    /// <summary>What a person sees of the activity: its text, summary and cards (less the card schema's own URL).</summary>
    public string Visible
    {
        get
        {
            if (Json is not { } json) return "";
            var attachments = json["attachments"]?.DeepClone() as JsonArray ?? [];
            foreach (var content in attachments.Select(a => a?["content"]).OfType<JsonObject>()) content.Remove("$schema");
            return string.Join("\n", [Text, json["summary"]?.GetValue<string>() ?? "", .. CardJson.Strings(attachments)]);
        }
    }

    public override string ToString() => $"{Method} {Path} -> {Status}: {Body}";

    /// <summary>One line per call, for failure messages.</summary>
    public string Summary => $"{Method} {ConversationId ?? Path} -> {Status}: {(Text.Length > 160 ? Text[..160] : Text)}";
}
