using System.Text;

namespace PanelBot.Mail.Tests;

/// <summary>A MIME entity read back from bytes: unfolded headers, decoded body, children.</summary>
internal sealed record ParsedEntity(
    IReadOnlyList<(string Name, string Value)> Headers,
    string RawHeaderBlock,
    byte[] Body,
    IReadOnlyList<ParsedEntity> Children)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    public string MediaType => (Header("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    public string? Parameter(string headerName, string parameter) => MimeReader.Parameter(Header(headerName), parameter);

    public string BodyText => Encoding.UTF8.GetString(Body);
}
