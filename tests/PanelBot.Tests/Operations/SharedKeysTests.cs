using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

/// <summary>
/// Two PanelBot processes on one database, each in a working folder of its own, open each other's signed export
/// links: the Data Protection key ring lives in the database, not in a folder.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed partial class SharedKeysTests
{
    private const string Olga = "olga";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoInstances_OnOneSqliteFile_OpenEachOthersExportLinks(bool encryptKeys)
    {
        await using var database = TestDatabase.Sqlite();
        await CrossOpenLinksAsync(database, encryptKeys);
    }

    [PostgresFact]
    public async Task TwoInstances_OnOnePostgresDatabase_OpenEachOthersExportLinks()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await CrossOpenLinksAsync(database, encryptKeys: true);
    }

    private static async Task CrossOpenLinksAsync(TestDatabase database, bool encryptKeys)
    {
        var certificateFolder = Directory.CreateTempSubdirectory("panelbot-cert-").FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__PanelBot"] = database.ConnectionString,
            };
            if (encryptKeys)
            {
                settings["DataProtection__Certificate__Path"] = WriteCertificate(certificateFolder, "s3cret");
                settings["DataProtection__Certificate__Password"] = "s3cret";
            }
            await using var first = await AppProcess.StartAsync(settings);
            await using var second = await AppProcess.StartAsync(settings);
            var number = await CreateEventAsync(first.Bot());

            var fromFirst = await ExportLinkAsync(first.Bot(), number);
            var fromSecond = await ExportLinkAsync(second.Bot(), number);
            await AssertCsvAsync(second, fromFirst);
            await AssertCsvAsync(first, fromSecond);
            using (var http = second.Client())
            using (var forged = await http.GetAsync(fromFirst[..^4] + (fromFirst[^4] == 'A' ? 'B' : 'A') + fromFirst[^3..]))
                Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

            var keys = await KeyXmlAsync(database);
            var key = Assert.Single(keys);
            if (encryptKeys)
            {
                Assert.Contains("EncryptedData", key);
                Assert.DoesNotContain("unencrypted form", key);
            }
            else
            {
                Assert.Contains("<masterKey", key);
            }
            foreach (var folder in new[] { first.WorkingFolder, second.WorkingFolder })
                Assert.Empty(Directory.GetFiles(folder, "key-*.xml", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(certificateFolder, recursive: true);
        }
    }

    /// <summary>"tomorrow", not a fixed date: these processes run on the machine's clock.</summary>
    private static async Task<int> CreateEventAsync(BotClient bot)
    {
        var created = await Organiser.DoAsync(bot, Olga, "new webinar \"Keys for everyone\" tomorrow 15:00-16:30 Europe/Oslo");
        return Organiser.NumberIn(created);
    }

    private static async Task<string> ExportLinkAsync(BotClient bot, int number)
    {
        var text = CardJson.TextOf(await bot.SayAsync(Olga, $"export #{number}"));
        var match = ExportUrl().Match(text);
        Assert.True(match.Success, $"No export link in: {text}");
        return new Uri(match.Value).PathAndQuery;
    }

    private static async Task AssertCsvAsync(AppProcess instance, string path)
    {
        using var http = instance.Client();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<string>> KeyXmlAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == StorageProvider.PostgreSql
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    internal static string WriteCertificate(string folder, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PanelBot key encryption (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow; // certificate validity is checked by the platform's clock, not the app's
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    [GeneratedRegex(@"https?://\S+/exports/[^\s)\]]+")]
    private static partial Regex ExportUrl();
}
