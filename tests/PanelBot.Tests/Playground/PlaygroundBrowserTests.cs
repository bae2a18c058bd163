using Microsoft.Playwright;

namespace PanelBot.Tests.Playground;

/// <summary>
/// The playground as a newcomer meets it: the real app on Kestrel, Microsoft Web Chat in headless Debian Chromium,
/// Direct Line polling against the bot's own endpoint, replies through the connector client over loopback.
/// </summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private readonly PlaygroundServer server = new("playground");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Playground_TypingHelp_ShowsTheCommandList()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PlaygroundServer.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        await page.GotoAsync(server.Url);
        await page.GetByText("Welcome to PanelBot").First.WaitForAsync(new() { Timeout = 30_000 });

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("help");
        await sendBox.PressAsync("Enter");

        await page.GetByText("PanelBot commands").First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.GetByText("new webinar|panel").First.IsVisibleAsync(), "the help card lists the new command");
        // Web Chat marks a message it never saw echoed back as failed; ours must have come back with its id.
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "panelbot-playground.png") });
    }

    [Fact]
    public async Task Playground_DemoThenGoingButton_RecordsTheRsvpThroughActionSubmit()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await PlaygroundServer.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        await page.GotoAsync(server.Url);
        await page.GetByText("Welcome to PanelBot").First.WaitForAsync(new() { Timeout = 30_000 });

        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("demo");
        await sendBox.PressAsync("Enter");
        await page.GetByText("published and ready for RSVPs").First.WaitForAsync(new() { Timeout = 30_000 });

        // The event card in Web Chat carries Action.Submit buttons; clicking one must reach the same RSVP handler.
        await page.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true }).Last.ClickAsync();
        // The answer comes back as this user's view of the card: their choice ticked, the count moved.
        await page.GetByRole(AriaRole.Button, new() { Name = "✓ Going" }).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.GetByText("1 going").First.IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "panelbot-playground-rsvp.png"), FullPage = true });
    }
}
