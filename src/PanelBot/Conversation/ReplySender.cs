using PanelBot.BotFramework;
using PanelBot.Cards;

namespace PanelBot.Conversation;

public static class ReplySender
{
    /// <summary>Turns a reply into the activity this channel shows best: a card where cards render, else text.</summary>
    public static Activity ToActivity(BotReply reply, CardSurface surface)
    {
        var notes = reply.Notes.Count == 0 ? "" : "\n\n" + string.Join("\n", reply.Notes.Select(n => "Note: " + n));
        var activity = new Activity { Type = ActivityTypes.Message, TextFormat = "markdown" };
        if (reply.Card is not null && surface.Cards)
        {
            activity.Attachments = [new Attachment { ContentType = Ac.ContentType, Content = reply.Card.DeepClone() }];
            var lead = (reply.Lead ?? "") + notes;
            if (lead.Length > 0) activity.Text = lead.Trim();
            activity.Summary = FirstLine(reply.Lead ?? reply.Text);
        }
        else
        {
            activity.Text = reply.Text + notes;
        }
        return activity;
    }

    public static async Task<ResourceResponse?> SendAsync(this TurnRequest request, BotReply reply, CancellationToken ct) =>
        reply.IsSilent ? null : await request.Turn.SendActivityAsync(ToActivity(reply, request.Surface), ct);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var line = (end < 0 ? text : text[..end]).Replace("**", "");
        return line.Length <= 120 ? line : line[..119] + "…";
    }
}
