namespace PanelBot.Domain.Programme;

/// <summary>Whether the run of show fits the event: "fits (10 min spare)", "exactly fills", "runs 15 min over the 90 min event".</summary>
public sealed record RunOfShowCheck(int TotalMinutes, int EventMinutes, RunOfShowFit Fit)
{
    public int SpareMinutes => Math.Max(0, EventMinutes - TotalMinutes);
    public int OverMinutes => Math.Max(0, TotalMinutes - EventMinutes);

    public string Message => Fit switch
    {
        RunOfShowFit.Empty => "No run of show yet: add segments with segment #N add \"TITLE\" MINUTES.",
        RunOfShowFit.Fits => $"The run of show ({TotalMinutes} min) fits ({SpareMinutes} min spare).",
        RunOfShowFit.ExactlyFills => $"The run of show exactly fills the {EventMinutes} min event.",
        _ => $"The run of show runs {OverMinutes} min over the {EventMinutes} min event: shorten a segment or extend the event.",
    };

    public static RunOfShowCheck For(IEnumerable<Segment> segments, int eventMinutes)
    {
        var list = segments.ToList();
        var total = list.Sum(s => s.Minutes);
        var fit = list.Count == 0 ? RunOfShowFit.Empty
            : total < eventMinutes ? RunOfShowFit.Fits
            : total == eventMinutes ? RunOfShowFit.ExactlyFills
            : RunOfShowFit.Overruns;
        return new RunOfShowCheck(total, eventMinutes, fit);
    }
}
