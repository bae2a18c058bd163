namespace PanelBot.Tests.Support;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>PANELBOT_TEST_POSTGRES</c>. Without it the test is skipped on a
/// developer machine, but runs (and fails) when <c>CI</c> is set, so a broken test script cannot hide these tests.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "PANELBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CI")))
            Skip = $"{Variable} is not set: start a PostgreSQL server and export {Variable} (test.sh does both) to run this test.";
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set but CI is: the PostgreSQL tests must run in CI. Run ./test.sh, which starts PostgreSQL and exports it.");
}
