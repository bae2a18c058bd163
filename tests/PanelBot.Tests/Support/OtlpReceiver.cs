using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.Support;

/// <summary>
/// A tiny OpenTelemetry collector on a real loopback port: it accepts OTLP/HTTP protobuf exports
/// (<c>POST /v1/traces</c>, <c>/v1/metrics</c>) and keeps the spans it can read from the wire format
/// (opentelemetry-proto: ExportTraceServiceRequest → ResourceSpans → ScopeSpans → Span).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<string> _metricNames = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";
    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToList();
    public IReadOnlyList<string> MetricNames => _metricNames.ToList();
    public int TraceRequests { get; private set; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.TracesAsync);
        app.MapPost("/v1/metrics", receiver.MetricsAsync);
        await app.StartAsync();
        receiver.Endpoint = app.Urls.Single().TrimEnd('/');
        return receiver;
    }

    /// <summary>Waits for a span that matches; the bound only keeps a broken exporter from hanging the run.</summary>
    public async Task<ReceivedSpan> WaitForSpanAsync(Func<ReceivedSpan, bool> match, TimeSpan? bound = null) =>
        (await Eventually.Until(() => Spans.FirstOrDefault(match), found => found is not null,
            _ => $"a matching span after {TraceRequests} exports. Spans:\n" + string.Join("\n", Spans.Select(s => s.ToString())),
            bound))!;

    private async Task TracesAsync(HttpContext context)
    {
        var body = await ReadAsync(context.Request);
        TraceRequests++;
        foreach (var resourceSpans in Proto.Fields(body).Where(f => f.Number == 1))
        {
            var resource = new Dictionary<string, string>();
            foreach (var field in Proto.Fields(resourceSpans.Bytes))
            {
                if (field.Number == 1)
                    foreach (var attribute in Proto.Fields(field.Bytes).Where(a => a.Number == 1)) AddAttribute(resource, attribute.Bytes);
                if (field.Number != 2) continue;
                var scope = "";
                foreach (var scopeField in Proto.Fields(field.Bytes))
                {
                    if (scopeField.Number == 1)
                        scope = Proto.Fields(scopeField.Bytes).Where(f => f.Number == 1).Select(f => f.Text).FirstOrDefault() ?? "";
                    if (scopeField.Number == 2) _spans.Enqueue(ReadSpan(scope, scopeField.Bytes, resource));
                }
            }
        }
        context.Response.ContentType = "application/x-protobuf"; // an empty Export*ServiceResponse: all accepted
    }

    private async Task MetricsAsync(HttpContext context)
    {
        // ExportMetricsServiceRequest → ResourceMetrics(1) → ScopeMetrics(2) → Metric(2) → name(1)
        var body = await ReadAsync(context.Request);
        foreach (var rm in Proto.Fields(body).Where(f => f.Number == 1))
        foreach (var sm in Proto.Fields(rm.Bytes).Where(f => f.Number == 2))
        foreach (var metric in Proto.Fields(sm.Bytes).Where(f => f.Number == 2))
        foreach (var name in Proto.Fields(metric.Bytes).Where(f => f.Number == 1))
            _metricNames.Enqueue(name.Text);
        context.Response.ContentType = "application/x-protobuf"; // an empty Export*ServiceResponse: all accepted
    }

    private static ReceivedSpan ReadSpan(string scope, byte[] span, IReadOnlyDictionary<string, string> resource)
    {
        var name = "";
        var attributes = new Dictionary<string, string>();
        foreach (var field in Proto.Fields(span))
        {
            if (field.Number == 5) name = field.Text;
            if (field.Number == 9) AddAttribute(attributes, field.Bytes);
        }
        return new ReceivedSpan(scope, name, attributes, resource);
    }

    /// <summary>KeyValue: key = 1, value = 2 (AnyValue: string 1, bool 2, int 3, double 4).</summary>
    private static void AddAttribute(Dictionary<string, string> into, byte[] keyValue)
    {
        string? key = null, value = null;
        foreach (var field in Proto.Fields(keyValue))
        {
            if (field.Number == 1) key = field.Text;
            if (field.Number == 2)
                foreach (var any in Proto.Fields(field.Bytes))
                    value = any.Number == 1 ? any.Text : any.Number is 2 or 3 ? any.Varint.ToString() : value;
        }
        if (key is not null) into[key] = value ?? "";
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The protobuf wire format, just enough to walk messages (https://protobuf.dev/programming-guides/encoding/).</summary>
    private static class Proto
    {
        public static List<ProtoField> Fields(byte[] message)
        {
            var fields = new List<ProtoField>();
            var position = 0;
            while (position < message.Length)
            {
                var tag = ReadVarint(message, ref position);
                var number = (int)(tag >> 3);
                switch ((int)(tag & 7))
                {
                    case 0:
                        fields.Add(new ProtoField(number, ReadVarint(message, ref position), []));
                        break;
                    case 1:
                        fields.Add(new ProtoField(number, BitConverter.ToUInt64(message, position), []));
                        position += 8;
                        break;
                    case 2:
                        var length = (int)ReadVarint(message, ref position);
                        fields.Add(new ProtoField(number, 0, message[position..(position + length)]));
                        position += length;
                        break;
                    case 5:
                        position += 4;
                        break;
                    default:
                        throw new InvalidDataException($"Unsupported wire type in tag {tag}.");
                }
            }
            return fields;
        }

        private static ulong ReadVarint(byte[] data, ref int position)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
        }
    }

    private sealed record ProtoField(int Number, ulong Varint, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }
}

public sealed record ReceivedSpan(string Scope, string Name, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Resource)
{
    public string? this[string key] => Attributes.TryGetValue(key, out var value) ? value : null;

    public override string ToString() =>
        $"[{Scope}] {Name} {string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}";
}
