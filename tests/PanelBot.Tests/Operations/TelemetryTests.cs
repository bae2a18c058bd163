using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

[Collection(ProcessWideTelemetry.Name)]
public sealed class TelemetryTests
{
    private const string Olga = "olga";
    private const string Zelda = "zelda";
    private const string Title = "Quiet diplomacy in the Sahel";

    [Fact]
    public async Task Traces_WithAnOtlpEndpoint_ReachTheCollectorWithTurnSpansAndNoText()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl)
        {
            Settings =
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_SERVICE_NAME"] = "panelbot-under-test",
            },
        };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, title: Title);
        var rsvp = await bot.InvokeAsync(Zelda, "rsvp", new JsonObject { ["event"] = number, ["answer"] = "going" });
        Assert.Equal(200, rsvp.HttpStatus);

        var export = CardJson.TextOf(await bot.SayAsync(Olga, $"export #{number}"));
        var link = new Uri(export[export.LastIndexOf("http", StringComparison.Ordinal)..].Trim()).AbsolutePath;
        using (var http = app.CreateClient())
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(link)).StatusCode);

        var download = await receiver.WaitForSpanAsync(s => s.Scope == "Microsoft.AspNetCore" && s["http.route"] == "/exports/{token}");
        Assert.Equal("/exports/{token}", download["url.path"]);
        var command = await receiver.WaitForSpanAsync(s => s.Scope == "PanelBot" && s["panelbot.command"] == "newevent");
        Assert.Equal("turn message", command.Name);
        Assert.Equal("message", command["panelbot.activity.type"]);
        Assert.Equal("panelbot-under-test", command.Resource["service.name"]);
        var button = await receiver.WaitForSpanAsync(s => s.Scope == "PanelBot" && s["panelbot.verb"] == "rsvp");
        Assert.Equal("adaptiveCard/action", button["panelbot.invoke.name"]);
        Assert.Equal("msteams", button["panelbot.channel"]);
        await receiver.WaitForSpanAsync(s => s.Scope == "Microsoft.AspNetCore" && s["url.path"] == "/api/messages");
        await receiver.WaitForSpanAsync(s => s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        // The Teams member look-up for Zelda's address goes to the connector; the URL keeps no ids.
        var lookup = await receiver.WaitForSpanAsync(s => s.Scope == "System.Net.Http" && s["url.full"]?.Contains("/members/") == true);
        Assert.EndsWith("/v3/conversations/{id}/members/{id}", lookup["url.full"]);

        // The stand-in connector runs in this process too, so its own server spans reach the collector: leave them out.
        var ours = receiver.Spans.Where(s => !(s.Scope == "Microsoft.AspNetCore" && s["url.path"]?.StartsWith("/v3/", StringComparison.Ordinal) == true));
        var attributes = ours.SelectMany(s => s.Attributes.Select(a => $"{s.Scope} {s.Name} {a.Key}={a.Value}")).ToList();
        var token = link["/exports/".Length..];
        foreach (var secret in new[] { Title, "Zelda", Zelda, token })
            Assert.True(!attributes.Any(a => a.Contains(secret, StringComparison.Ordinal)),
                string.Join("\n", attributes.Where(a => a.Contains(secret, StringComparison.Ordinal))));
    }

    [PostgresFact]
    public async Task Traces_OnPostgres_CarryNpgsqlCommandSpans()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = new BotApp(await TestDatabase.PostgresAsync())
        {
            DisposeDatabase = true,
            Settings =
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            },
        };
        await app.Bot().SayAsync(Olga, "events");

        var turn = await receiver.WaitForSpanAsync(s => s.Scope == "PanelBot" && s["panelbot.command"] == "listevents");
        var query = await receiver.WaitForSpanAsync(s => s.Scope == "Npgsql" && s.Attributes.Values.Any(v => v.Contains("events", StringComparison.Ordinal)));
        Assert.Equal("panelbot", turn.Resource["service.name"]);
        Assert.NotNull(query.Name);
    }

    [Fact]
    public async Task Telemetry_WithoutAnOtlpEndpoint_IsOff()
    {
        await using var app = new BotApp();
        _ = app.Server;

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }
}
