using PanelBot.Domain;

namespace PanelBot.Features.Events.Forms;

/// <summary>What a submitted form got wrong: messages under their inputs, and the rest above the form.</summary>
public sealed record FormErrors(IReadOnlyDictionary<string, string> ByInput, IReadOnlyList<string> General)
{
    public static readonly FormErrors None = new(new Dictionary<string, string>(), []);

    public bool Any => ByInput.Count > 0 || General.Count > 0;

    public string? For(string inputId) => ByInput.TryGetValue(inputId, out var message) ? message : null;

    public IEnumerable<string> All => ByInput.Values.Concat(General);

    public static FormErrors AboveTheForm(string message) => new(new Dictionary<string, string>(), [message]);

    /// <summary>Places each domain error under the input its field names (through <paramref name="inputFor"/>), else above.</summary>
    public static FormErrors From(IEnumerable<FieldError> errors, Func<FieldError, string?> inputFor)
    {
        var byInput = new Dictionary<string, string>();
        var general = new List<string>();
        foreach (var error in errors)
        {
            if (inputFor(error) is { } id && !byInput.ContainsKey(id))
            {
                byInput[id] = error.Message;
            }
            else
            {
                general.Add(error.Message);
            }
        }
        return new FormErrors(byInput, general);
    }
}
