using System.Text;

namespace PanelBot.Mail.Tests;

/// <summary>Our SMTP client against a real server (aiosmtpd), see <see cref="SmtpSink"/>.</summary>
public sealed class SmtpTransportTests
{
    private static SmtpOptions Options(SmtpSink sink) => new()
    {
        Host = "127.0.0.1",
        Port = sink.Port,
        Security = SmtpSecurity.None,
        ClientName = "panelbot.test",
        Timeout = TimeSpan.FromSeconds(20),
    };

    [SmtpSinkFact]
    public async Task Send_TwentyRecipientsInParallel_ArriveAsTwentyMessagesWithOneRcptEach()
    {
        await using var sink = await SmtpSink.StartAsync("--pipelining");
        await using var transport = new SmtpTransport(Options(sink) with { MaxConnections = 4 });
        var envelopes = Enumerable.Range(1, 20)
            .Select(i => MailEnvelope.Create(Samples.Invitation() with { To = [MailAddresses.Mailbox($"attendee{i}@example.org", $"Attendee {i}")] }))
            .ToList();

        var results = await Task.WhenAll(envelopes.Select(e => transport.SendAsync(e)));
        var received = await sink.WaitForMessagesAsync(20);

        Assert.All(results, r => Assert.True(r.AllAccepted));
        Assert.Equal(20, received.Count);
        Assert.All(received, m => Assert.Single(m.RcptTos));
        Assert.Equal(envelopes.Select(e => e.Recipients[0].Address).Order(), received.Select(m => m.RcptTos[0]).Order());
        foreach (var message in received)
        {
            var sent = envelopes.Single(e => e.Recipients[0].Address == message.RcptTos[0]);
            Assert.Equal("events@panelbot.test", message.MailFrom);
            Assert.Equal(Encoding.ASCII.GetString(sent.Mime.Span), Encoding.ASCII.GetString(message.Content));
            var parsed = MimeReader.Parse(message.Content);
            Assert.Equal(message.RcptTos[0], HeaderDecoder.DecodeMailbox(parsed.Header("To")!).Address);
        }

        Assert.True(transport.IdleConnections is > 0 and <= 4);
    }

    [SmtpSinkTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_PipeliningAdvertisedOrNot_UsesItOnlyWhenAdvertised(bool advertised)
    {
        await using var sink = await SmtpSink.StartAsync(advertised ? ["--pipelining"] : []);
        await using var transport = new SmtpTransport(Options(sink));

        await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));
        await transport.SendAsync(MailEnvelope.Create(Samples.Plain("bob@example.org")));
        var received = await sink.WaitForMessagesAsync(2);

        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(advertised, m.Pipelined));
    }

    [SmtpSinkTheory]
    [InlineData(SmtpAuthMechanism.Plain)]
    [InlineData(SmtpAuthMechanism.Login)]
    [InlineData(SmtpAuthMechanism.Auto)]
    public async Task Send_WithCredentials_AuthenticatesWithMechanism(SmtpAuthMechanism mechanism)
    {
        await using var sink = await SmtpSink.StartAsync("--auth", "--pipelining");
        await using var transport = new SmtpTransport(Options(sink) with { UserName = SmtpSink.User, Password = SmtpSink.Password, AuthMechanism = mechanism });

        await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));
        var received = await sink.WaitForMessagesAsync(1);

        Assert.Equal(SmtpSink.User, Assert.Single(received).AuthUser);
    }

    [SmtpSinkTheory]
    [InlineData(SmtpAuthMechanism.Plain)]
    [InlineData(SmtpAuthMechanism.Login)]
    public async Task Send_WrongPassword_IsPermanent535(SmtpAuthMechanism mechanism)
    {
        await using var sink = await SmtpSink.StartAsync("--auth");
        await using var transport = new SmtpTransport(Options(sink) with { UserName = SmtpSink.User, Password = "wrong", AuthMechanism = mechanism });

        var error = await Assert.ThrowsAsync<SmtpPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));

        Assert.Equal(535, error.ReplyCode);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [SmtpSinkTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_RecipientRefused550_IsPermanentForThatRecipientAndConnectionStaysUsable(bool pipelining)
    {
        await using var sink = await SmtpSink.StartAsync(pipelining ? ["--refuse", "gone@example.org", "--pipelining"] : ["--refuse", "gone@example.org"]);
        await using var transport = new SmtpTransport(Options(sink) with { MaxConnections = 1 });

        var error = await Assert.ThrowsAsync<SmtpPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("gone@example.org"))));
        var next = await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));

        var failure = Assert.Single(error.FailedRecipients);
        Assert.Equal("gone@example.org", failure.Recipient.Address);
        Assert.Equal(550, failure.ReplyCode);
        Assert.True(failure.IsPermanent);
        Assert.True(next.AllAccepted);
        Assert.Equal(["ada@example.org"], Assert.Single(await sink.WaitForMessagesAsync(1)).RcptTos);
    }

    [SmtpSinkFact]
    public async Task Send_InternationalisedDomain_ToAServerWithoutSmtpUtf8_GoesOutAsItsALabelInRcptToAndTheHeader()
    {
        await using var sink = await SmtpSink.StartAsync("--pipelining", "--no-smtputf8");
        await using var transport = new SmtpTransport(Options(sink));
        Assert.True(DeliverableAddress.TryNormalise("ann@münchen.de", out var stored));

        var result = await transport.SendAsync(MailEnvelope.Create(Samples.Plain(stored)));
        var received = Assert.Single(await sink.WaitForMessagesAsync(1));

        Assert.True(result.AllAccepted);
        Assert.Equal(["ann@xn--mnchen-3ya.de"], received.RcptTos);
        Assert.Contains("ann@xn--mnchen-3ya.de", MimeReader.Parse(received.Content).Header("To"));
    }

    [SmtpSinkFact]
    public async Task Send_OneOfTwoRecipientsRefused_DeliversToTheOtherAndReportsTheRefusal()
    {
        await using var sink = await SmtpSink.StartAsync("--refuse", "gone@example.org", "--pipelining");
        await using var transport = new SmtpTransport(Options(sink));
        var mail = Samples.Plain("ada@example.org") with { To = [MailAddresses.Mailbox("ada@example.org"), MailAddresses.Mailbox("gone@example.org")] };

        var result = await transport.SendAsync(MailEnvelope.Create(mail));

        Assert.Equal(["ada@example.org"], result.Accepted.Select(a => a.Address));
        Assert.Equal("gone@example.org", Assert.Single(result.Rejected).Recipient.Address);
        Assert.Contains("queued as", result.ServerReply);
        Assert.Equal(["ada@example.org"], Assert.Single(await sink.WaitForMessagesAsync(1)).RcptTos);
    }

    [SmtpSinkFact]
    public async Task Send_RecipientTempFail450_IsTransient()
    {
        await using var sink = await SmtpSink.StartAsync("--tempfail", "busy@example.org", "--pipelining");
        await using var transport = new SmtpTransport(Options(sink));

        var error = await Assert.ThrowsAsync<SmtpTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("busy@example.org"))));

        Assert.Equal(450, error.ReplyCode);
        Assert.False(Assert.Single(error.FailedRecipients).IsPermanent);
    }

    [SmtpSinkFact]
    public async Task Send_ServerStoppedAfterFirstMessage_IsTransient()
    {
        var sink = await SmtpSink.StartAsync("--pipelining");
        await using (sink)
        {
            await using var transport = new SmtpTransport(Options(sink) with { MaxConnections = 1 });
            await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));

            await sink.StopAsync();

            var error = await Assert.ThrowsAsync<SmtpTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("bob@example.org"))));
            Assert.Null(error.ReplyCode);
        }
    }

    [Fact]
    public async Task Send_NothingListening_IsTransient()
    {
        await using var transport = new SmtpTransport(new SmtpOptions { Host = "127.0.0.1", Port = SmtpSink.FreePort(), Security = SmtpSecurity.None });

        await Assert.ThrowsAsync<SmtpTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));
    }

    [Theory]
    [InlineData("MAIL FROM")]
    [InlineData(".")]
    public async Task Send_ServerFallsSilentBeforeOrAfterTheContent_TimesOutAsTransient(string silentAfter)
    {
        // A server that answers the greeting and EHLO, then stops answering once it has read the line that starts with
        // silentAfter: the send must end with the configured timeout, not hang on a read.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        var server = Task.Run(async () =>
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var reader = new StreamReader(stream, Encoding.ASCII);
                        await stream.WriteAsync("220 silent.test ESMTP\r\n"u8.ToArray());
                        var silent = false;
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            silent |= line.StartsWith(silentAfter, StringComparison.Ordinal);
                            var reply = silent ? null : line switch
                            {
                                _ when line.StartsWith("EHLO", StringComparison.Ordinal) => "250-silent.test\r\n250 PIPELINING\r\n",
                                _ when line.StartsWith("DATA", StringComparison.Ordinal) => "354 go ahead\r\n",
                                _ when line.StartsWith("MAIL", StringComparison.Ordinal) || line.StartsWith("RCPT", StringComparison.Ordinal) => "250 ok\r\n",
                                _ => null,
                            };
                            if (reply is not null)
                            {
                                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
                            }
                        }
                    }
                });
            }
        });
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        await using var transport = new SmtpTransport(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SmtpSecurity.None,
            Timeout = TimeSpan.FromSeconds(1),
            MaxConnections = 1,
        });

        // (The WaitAsync only turns a hang into a failure.)
        var error = await Assert.ThrowsAsync<SmtpTransientException>(
            () => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("timed out", error.Message);
        Assert.Null(error.ReplyCode);
        // A fresh session that times out is not tried again here: the outbox decides when to retry.
        Assert.Equal(1, connections);
        Assert.False(server.IsFaulted);
    }

    [SmtpSinkTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_LinesStartingWithDots_ArriveIntact(bool pipelining)
    {
        await using var sink = await SmtpSink.StartAsync(pipelining ? ["--pipelining"] : []);
        await using var transport = new SmtpTransport(Options(sink));
        const string raw = "Subject: dots\r\nMessage-ID: <d@panelbot.test>\r\n\r\n.\r\n..\r\n.hidden line\r\n...\r\nlast . line\r\n.";
        var envelope = new MailEnvelope(MailAddresses.Mailbox("events@panelbot.test"), [MailAddresses.Mailbox("ada@example.org")], "d@panelbot.test", Encoding.ASCII.GetBytes(raw));

        await transport.SendAsync(envelope);

        // The last line gets its CRLF (RFC 5321 §4.1.1.4); everything else arrives as sent.
        Assert.Equal(raw + "\r\n", Encoding.ASCII.GetString(Assert.Single(await sink.WaitForMessagesAsync(1)).Content));
    }

    [SmtpSinkFact]
    public async Task Send_EightBitMessage_TakesTheFullParseAndArrivesAsStored()
    {
        await using var sink = await SmtpSink.StartAsync("--pipelining");
        await using var transport = new SmtpTransport(Options(sink));
        const string raw = "Subject: 8bit\r\nMessage-ID: <e@panelbot.test>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCafé, crème brûlée.\r\n";
        var stored = Encoding.UTF8.GetBytes(raw);
        using (var loader = new StoredMessage())
        {
            Assert.Null(loader.TryLoad(stored, () => { }));
        }

        var envelope = new MailEnvelope(MailAddresses.Mailbox("events@panelbot.test"), [MailAddresses.Mailbox("ada@example.org")], "e@panelbot.test", stored);

        await transport.SendAsync(envelope);

        Assert.Equal(stored, Assert.Single(await sink.WaitForMessagesAsync(1)).Content);
    }

    [SmtpSinkTheory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.Tls)]
    public async Task Send_OverTls_AuthenticatesAndDelivers(SmtpSecurity security)
    {
        var certFolder = Directory.CreateTempSubdirectory("smtp-cert-").FullName;
        var (cert, key) = SmtpSink.CreateSelfSignedCertificate(certFolder);
        await using var sink = await SmtpSink.StartAsync(security == SmtpSecurity.Tls ? "--implicit-tls" : "--starttls", cert, key, "--auth", "--pipelining");
        await using var transport = new SmtpTransport(Options(sink) with
        {
            Security = security,
            AcceptAnyCertificate = true,
            UserName = SmtpSink.User,
            Password = SmtpSink.Password,
        });

        await transport.SendAsync(MailEnvelope.Create(Samples.Invitation()));

        Assert.Equal(SmtpSink.User, Assert.Single(await sink.WaitForMessagesAsync(1)).AuthUser);
        Directory.Delete(certFolder, recursive: true);
    }

    [SmtpSinkFact]
    public async Task Send_StartTlsWithUntrustedCertificate_IsPermanent()
    {
        var certFolder = Directory.CreateTempSubdirectory("smtp-cert-").FullName;
        var (cert, key) = SmtpSink.CreateSelfSignedCertificate(certFolder);
        await using var sink = await SmtpSink.StartAsync("--starttls", cert, key);
        await using var transport = new SmtpTransport(Options(sink) with { Security = SmtpSecurity.StartTls });

        await Assert.ThrowsAsync<MailPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));
        Directory.Delete(certFolder, recursive: true);
    }

    [SmtpSinkFact]
    public async Task Send_StartTlsRequiredButNotOffered_IsPermanent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var transport = new SmtpTransport(Options(sink) with { Security = SmtpSecurity.StartTls });

        await Assert.ThrowsAsync<SmtpPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));
    }
}
