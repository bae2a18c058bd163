namespace PanelBot.Storage;

/// <summary>
/// One statement another feature adds to a change that writes in a single command of its own (an RSVP answer), so that
/// it costs no round trip of its own. <see cref="Sql"/> names its values <c>{0}</c>, <c>{1}</c>, ... as in
/// <see cref="string.Format(string, object?[])"/>; they become parameters.
/// </summary>
public sealed record SqlWrite(string Sql, IReadOnlyList<object?> Values);
