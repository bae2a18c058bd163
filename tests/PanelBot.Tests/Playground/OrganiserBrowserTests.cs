using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PanelBot.Domain.Events;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Playground;

/// <summary>
/// A new organiser in the playground (Microsoft Web Chat in headless Debian Chromium) who types only "new" and does the
/// rest by clicking: fills the form, adds a speaker from the card, publishes.
/// </summary>
public sealed class OrganiserBrowserTests : IAsyncLifetime
{
    private readonly PlaygroundServer server = new("organiser");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task NewOrganiser_TypesNew_ThenCreatesAddsASpeakerAndPublishesByClicking()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PlaygroundServer.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        await page.GotoAsync(server.Url);
        await page.GetByText("Welcome to PanelBot").First.WaitForAsync(new() { Timeout = 30_000 });

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("new");
        await sendBox.PressAsync("Enter");

        // The form: the only thing typed from here on goes into its fields.
        var form = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "New event" }).Last;
        await form.WaitForAsync(new() { Timeout = 30_000 });
        await form.GetByLabel("Title").FillAsync("Peace operations and aid");
        await form.GetByLabel("Date").FillAsync(Webinar.DateText);
        await form.GetByLabel("Starts").FillAsync("15:00");
        await form.GetByLabel("Ends").FillAsync("16:30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByText("Created #1").First.WaitForAsync(new() { Timeout = 30_000 });

        var draft = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Peace operations and aid" }).Last;
        await draft.GetByRole(AriaRole.Button, new() { Name = "Speakers" }).ClickAsync();
        var speakers = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Add a speaker" }).Last;
        await speakers.WaitForAsync(new() { Timeout = 30_000 });
        await speakers.GetByLabel("Name").FillAsync("Cedric de Coning");
        await speakers.GetByLabel("Role").SelectOptionAsync("moderator");
        await speakers.GetByLabel("Affiliation").FillAsync("ACCORD and NUPI");
        await speakers.GetByRole(AriaRole.Button, new() { Name = "Add speaker" }).ClickAsync();
        await page.GetByText("Added Cedric de Coning as moderator to #1.").First.WaitForAsync(new() { Timeout = 30_000 });

        var withSpeaker = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Cedric de Coning (ACCORD and NUPI)" }).Last;
        await withSpeaker.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByText("#1 is published").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).First.WaitForAsync(new() { Timeout = 30_000 });
        // The organiser's own view keeps the tools behind one button (Action.ShowCard), which Web Chat opens in place.
        var own = page.Locator(".ac-adaptiveCard").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Organise" }) }).Last;
        await own.GetByRole(AriaRole.Button, new() { Name = "Organise" }).ClickAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "Run of show" }).ClickAsync();
        await page.GetByText("Add a segment at the end").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "panelbot-organiser.png"), FullPage = true });

        await using var scope = server.Services.CreateAsyncScope();
        var ev = await scope.ServiceProvider.GetRequiredService<PanelBotDbContext>().Events.AsNoTracking().SingleAsync();
        Assert.Equal(("Peace operations and aid", EventStatus.Published), (ev.Title, ev.Status));
        Assert.Equal("Cedric de Coning", Assert.Single(ev.Speakers).Name);
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
    }
}
