using System.Text;
using System.Text.Json.Nodes;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;

namespace PanelBot.Features.Help;

/// <summary><c>help</c>: every command, grouped, as a card with a plain-text twin; <c>help COMMAND</c> for one.</summary>
public static class HelpReply
{
    private static readonly (CommandGroup Group, string Title)[] Groups =
    [
        (CommandGroup.Organise, "Organise an event"),
        (CommandGroup.Programme, "Speakers, run of show, readings"),
        (CommandGroup.Rsvp, "RSVP and attendees"),
        (CommandGroup.General, "Everything else"),
    ];

    /// <summary>What the bot promises about group chats and channels.</summary>
    public const string PrivacyNote =
        "In a group chat or channel I answer there only with what everyone may see; anything just for you (join links, " +
        "addresses, attendee lists, export links, your answers) comes to our private chat.";

    public static BotReply Render(string? topic, CardSurface surface)
    {
        if (!string.IsNullOrWhiteSpace(topic))
        {
            return CommandCatalog.Find(topic) is { } command
                ? $"`{command.Usage}`\n{command.Description}"
                : $"There is no command called '{topic}'. Type `help` for the list.";
        }

        var text = new StringBuilder("Here is what I can do. Events are referred to by number, like #3.\n" + PrivacyNote + "\n");
        var body = new List<JsonNode?>
        {
            Ac.Text("PanelBot commands", size: "Large", weight: "Bolder"),
            Ac.Text("Type a command, or use the buttons on event cards. Events are referred to by number, like #3.", subtle: true),
            Ac.Text(PrivacyNote, subtle: true),
        };
        foreach (var (group, title) in Groups)
        {
            var commands = CommandCatalog.All.Where(c => c.Group == group).ToList();
            body.Add(Ac.Heading(title));
            text.AppendLine().AppendLine($"**{title}**");
            foreach (var command in commands)
            {
                body.Add(Ac.Text($"`{command.Usage}`", spacing: "Small", weight: "Bolder"));
                body.Add(Ac.Text(command.Description, spacing: "None", subtle: true));
                text.AppendLine($"- `{command.Usage}`: {command.Description}");
            }
        }
        var card = Ac.Card(body,
            [Ac.Action(surface, "New event", Events.EventForm.NewVerb, style: "positive"), Ac.Action(surface, "Try the demo", Welcome.DemoVerb)],
            fallbackText: text.ToString());
        return new BotReply(text.ToString().TrimEnd(), card);
    }
}
