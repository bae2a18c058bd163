namespace PanelBot.Domain.Programme;

public enum ReadingKind
{
    Report,
    PolicyBrief,
    Article,
    SummaryReport,
    Recording,
    Other,
}
