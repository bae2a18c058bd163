namespace PanelBot.Tests.Operations;

/// <summary>
/// Tests that read what an OpenTelemetry exporter sends run on their own, after the parallel tests: the activity sources
/// they listen to (ASP.NET Core, HttpClient, EF Core, PanelBot) are process-wide, so another test's app running beside
/// them would put its spans, with its own names and ids, in the same collector.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "process-wide telemetry";
}
