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
            if (lead.Length > 0)
            {
                activity.Text = lead.Trim();
            }

            activity.Summary = FirstLine(reply.Lead ?? reply.Text);
        }
        else
        {
            activity.Text = reply.Text + notes;
        }
        return activity;
    }

    /// <summary>
    /// Answers in the turn's conversation, except that a personal reply asked for in a group chat or channel goes to
    /// the requester's 1:1 chat, and only its <see cref="BotReply.SharedNote"/> is said in place.
    /// </summary>
    public static async Task<ResourceResponse?> SendAsync(this TurnRequest request, BotReply reply, CancellationToken ct)
    {
        if (reply.IsSilent)
        {
            return null;
        }

        if (!reply.IsPersonal || !request.IsShared)
        {
            return await request.Turn.SendActivityAsync(ToActivity(reply, request.Surface), ct);
        }

        if (reply.SharedVersion is { } shared)
        {
            return await request.Turn.SendActivityAsync(ToActivity(shared, request.Surface), ct);
        }

        var delivery = request.PrivateLine is { } line
            ? await line.SendAsync(request.UserId, reply, new PrivateMail("Your PanelBot answer", "private-reply"), ct)
            : null;
        var note = delivery?.Outcome switch
        {
            PrivateOutcome.Chat => reply.SharedNote ?? "I've sent you the answer in a private chat.",
            PrivateOutcome.Mail =>
                $"{request.UserName}, I can't open a private chat with you in Teams (is PanelBot installed for you?), so I emailed you the answer.",
            _ => $"{request.UserName}, that answer is only for you, and I can't open a private chat with you. " +
                 "Open a chat with me (PanelBot in Teams' apps) and ask me there.",
        };
        return await request.Turn.SendActivityAsync(ToActivity(note, request.Surface), ct);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var line = (end < 0 ? text : text[..end]).Replace("**", "");
        return line.Length <= 120 ? line : line[..119] + "…";
    }
}
