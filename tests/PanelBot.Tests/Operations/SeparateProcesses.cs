namespace PanelBot.Tests.Operations;

/// <summary>
/// Tests that start PanelBot as separate processes run on their own, after the parallel tests: several app processes
/// starting at once on two cores would slow the timing-sensitive scheduling tests running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeparateProcesses
{
    public const string Name = "separate processes";
}
