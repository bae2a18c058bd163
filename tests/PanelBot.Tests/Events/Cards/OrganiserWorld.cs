using System.Text.Json.Nodes;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events.Cards;

/// <summary>The app with a recording connector (Teams posts a published card through it), and a driver for one client.</summary>
public sealed class OrganiserWorld : IAsyncDisposable
{
    public const string Olga = "olga";

    private OrganiserWorld(ConnectorRecorder connector, BotApp app, string channel)
    {
        Connector = connector;
        App = app;
        Bot = app.Bot();
        Client = new CardDriver(Bot, channel);
    }

    public ConnectorRecorder Connector { get; }
    public BotApp App { get; }
    public BotClient Bot { get; }
    public CardDriver Client { get; }

    public static async Task<OrganiserWorld> StartAsync(string channel)
    {
        var connector = await ConnectorRecorder.StartAsync();
        return new OrganiserWorld(connector, new BotApp(serviceUrl: connector.ServiceUrl), channel);
    }

    public static async Task<OrganiserWorld> StartAsync(string channel, StorageProvider provider)
    {
        var connector = await ConnectorRecorder.StartAsync();
        return new OrganiserWorld(connector, await BotApp.StartAsync(provider, connector.ServiceUrl), channel);
    }

    /// <summary>Creates the real webinar from <c>new</c> and the form, and answers the organiser's card of the draft.</summary>
    public async Task<JsonObject> CreateDraftAsync(int expectedNumber = 1)
    {
        var form = (await Client.SayAsync(Olga, "new")).Card;
        var created = await Client.ClickAsync(Olga, form, "Create", Organiser.WebinarForm());
        Assert.Contains($"Created #{expectedNumber}", created.Shown);
        return created.Card;
    }

    public static JsonObject Cedric() => new()
    {
        ["name"] = "Cedric de Coning",
        ["role"] = "moderator",
        ["affiliation"] = "ACCORD and NUPI",
        ["jobTitle"] = "Senior Research Fellow",
        ["topic"] = "",
        ["email"] = "cedric@example.org",
        ["status"] = "confirmed",
    };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
