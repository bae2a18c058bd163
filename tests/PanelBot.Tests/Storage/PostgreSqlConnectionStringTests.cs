using Microsoft.Extensions.Options;
using Npgsql;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void Defaults_PrepareAutomatically_AndKeepStatementsAcrossPoolReturns()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.WithDefaults("Host=db;Username=panelbot;Password=secret"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
        Assert.Equal("secret", built.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;max auto prepare=0;no reset on close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void WhatTheOperatorSet_Wins(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.WithDefaults(connectionString));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }

    [Fact]
    public void Start_OnPostgreSqlWithMultiplexing_Fails()
    {
        using var app = new BotApp
        {
            Settings = { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:PanelBot"] = "Host=127.0.0.1;Port=9;Multiplexing=true" },
        };

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(error.Failures, f => f.Contains("Multiplexing is not supported", StringComparison.Ordinal));
    }
}
