using System.Diagnostics.CodeAnalysis;
using PanelBot.Domain.Events;
using PanelBot.Domain.Text;

namespace PanelBot.Domain.Programme;

/// <summary>Further reading or material. Owned value of the event (stored as JSON).</summary>
public sealed record Reading
{
    public required string Title { get; init; }

    /// <summary>http or https only.</summary>
    public required string Url { get; init; }

    /// <summary>Author or publisher.</summary>
    public string? Author { get; init; }

    public ReadingKind Kind { get; init; } = ReadingKind.Report;
    public ReadingTiming Timing { get; init; } = ReadingTiming.Before;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Add(TextRules.CheckLine("reading title", Title, TextRules.MaxTitleLength, required: true));
        Add(TextRules.CheckWebUrl("reading's address", Url));
        Add(TextRules.CheckLine("author", Author, TextRules.MaxShortTextLength, required: false));
        return errors;

        void Add(string? message)
        {
            if (message is not null)
            {
                errors.Add(new FieldError(EventFields.Reading, message));
            }
        }
    }

    public static IReadOnlyList<string> KindNames { get; } = ["report", "policy-brief", "article", "summary-report", "recording", "other"];

    public static bool TryParseKind(string? text, [NotNullWhen(true)] out ReadingKind? kind)
    {
        kind = text?.Trim().ToLowerInvariant().Replace("_", "-").Replace(" ", "-") switch
        {
            "report" => ReadingKind.Report,
            "policy-brief" or "policybrief" or "brief" => ReadingKind.PolicyBrief,
            "article" or "paper" => ReadingKind.Article,
            "summary-report" or "summaryreport" or "summary" => ReadingKind.SummaryReport,
            "recording" or "video" => ReadingKind.Recording,
            "other" => ReadingKind.Other,
            _ => null,
        };
        return kind is not null;
    }
}
