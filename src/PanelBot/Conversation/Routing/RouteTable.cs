using PanelBot.Domain.Commands;

namespace PanelBot.Conversation.Routing;

/// <summary>
/// The commands and card verbs every slice registered at start-up. A command goes to the route of its own type, else
/// to that of its nearest base type (so a slice can take every <see cref="EventCommand"/> nobody else claimed).
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<Type, CommandRoute> _commands = [];
    private readonly Dictionary<string, CardVerb> _verbs = new(StringComparer.Ordinal);

    public RouteTable(IEnumerable<CommandRoute> commands, IEnumerable<CardVerb> verbs)
    {
        foreach (var route in commands)
        {
            if (!_commands.TryAdd(route.CommandType, route))
            {
                throw new InvalidOperationException($"Two routes are registered for {route.CommandType.Name}.");
            }
        }

        foreach (var verb in verbs)
        {
            if (!_verbs.TryAdd(verb.Verb, verb))
            {
                throw new InvalidOperationException($"Two routes are registered for the card verb \"{verb.Verb}\".");
            }
        }
    }

    public CommandRoute For(Command command)
    {
        for (var type = command.GetType(); type is not null; type = type.BaseType)
        {
            if (_commands.TryGetValue(type, out var route))
            {
                return route;
            }
        }

        throw new InvalidOperationException($"No route is registered for {command.GetType().Name}.");
    }

    public CardVerb? ForVerb(string verb) => _verbs.GetValueOrDefault(verb);

    public bool IsVerb(string verb) => _verbs.ContainsKey(verb);
}
