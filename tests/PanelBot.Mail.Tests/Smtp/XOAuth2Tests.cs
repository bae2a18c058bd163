using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PanelBot.Mail.Tests;

/// <summary>
/// XOAUTH2 as Exchange Online speaks it, against a scripted in-test server (aiosmtpd has no XOAUTH2).
/// </summary>
public sealed class XOAuth2Tests
{
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOi.test-token";

    [Fact]
    public async Task Send_XOAuth2_SendsUserAndBearerTokenThenDelivers()
    {
        await using var server = FakeExchange.Start(acceptToken: Token);
        var tokenCalls = 0;
        await using var transport = new SmtpTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, UserName = "events@panelbot.test" },
            _ => { tokenCalls++; return ValueTask.FromResult(Token); });

        var result = await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));

        Assert.True(result.AllAccepted);
        Assert.Equal(1, tokenCalls);
        Assert.Equal($"user=events@panelbot.test\u0001auth=Bearer {Token}\u0001\u0001", server.DecodedAuth);
        Assert.Contains("RCPT TO:<ada@example.org>", server.Commands);
    }

    [Fact]
    public async Task Send_XOAuth2Refused_IsPermanent535AfterEmptyResponse()
    {
        await using var server = FakeExchange.Start(acceptToken: "another-token");
        await using var transport = new SmtpTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, UserName = "events@panelbot.test" },
            _ => ValueTask.FromResult(Token));

        var error = await Assert.ThrowsAsync<SmtpPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));

        Assert.Equal(535, error.ReplyCode);
        Assert.Contains("", server.Commands); // the empty line answering the JSON challenge
        Assert.DoesNotContain(Token, error.Message);
    }

    /// <summary>Greets, advertises AUTH LOGIN XOAUTH2 and PIPELINING, checks the SASL string, accepts mail.</summary>
    private sealed class FakeExchange : IAsyncDisposable
    {
        private readonly TcpListener listener;
        private readonly Task serving;
        private readonly string acceptToken;

        private FakeExchange(string acceptToken)
        {
            this.acceptToken = acceptToken;
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public List<string> Commands { get; } = [];

        public string? DecodedAuth { get; private set; }

        public static FakeExchange Start(string acceptToken) => new(acceptToken);

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            try
            {
                await serving;
            }
            catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }

        private async Task ServeAsync()
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake.outlook.test Microsoft ESMTP MAIL Service ready");
                string? line;
                while ((line = await reader.ReadLineAsync()) is not null)
                {
                    Commands.Add(line);
                    if (line.StartsWith("EHLO", StringComparison.Ordinal))
                    {
                        await writer.WriteAsync("250-fake.outlook.test Hello\r\n250-SIZE 37748736\r\n250-PIPELINING\r\n250-AUTH LOGIN XOAUTH2\r\n250 SMTPUTF8\r\n");
                    }
                    else if (line.StartsWith("AUTH XOAUTH2 ", StringComparison.Ordinal))
                    {
                        DecodedAuth = Encoding.UTF8.GetString(Convert.FromBase64String(line["AUTH XOAUTH2 ".Length..]));
                        if (DecodedAuth == $"user=events@panelbot.test\u0001auth=Bearer {acceptToken}\u0001\u0001")
                        {
                            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        }
                        else
                        {
                            await writer.WriteLineAsync("334 " + Convert.ToBase64String("{\"status\":\"401\",\"schemes\":\"bearer\"}"u8));
                            Commands.Add(await reader.ReadLineAsync() ?? "(eof)");
                            await writer.WriteLineAsync("535 5.7.3 Authentication unsuccessful");
                        }
                    }
                    else if (line.StartsWith("MAIL FROM:", StringComparison.Ordinal) || line.StartsWith("RCPT TO:", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("250 2.1.0 OK");
                    }
                    else if (line == "DATA")
                    {
                        await writer.WriteLineAsync("354 Start mail input; end with <CRLF>.<CRLF>");
                        while ((line = await reader.ReadLineAsync()) is not null and not ".")
                        {
                        }

                        await writer.WriteLineAsync("250 2.6.0 Queued mail for delivery");
                    }
                    else if (line == "QUIT")
                    {
                        await writer.WriteLineAsync("221 2.0.0 Service closing transmission channel");
                        break;
                    }
                    else
                    {
                        await writer.WriteLineAsync("500 5.3.3 Unrecognized command");
                    }
                }
            }
        }
    }
}
