namespace PanelBot.Domain;

/// <summary>Outcome of a domain operation: success, or field-level errors. A failed operation changed nothing.</summary>
public sealed class DomainResult
{
    private static readonly DomainResult Success = new([], []);

    private DomainResult(IReadOnlyList<FieldError> errors, IReadOnlyList<string> notes)
    {
        Errors = errors;
        Notes = notes;
    }

    public bool IsSuccess => Errors.Count == 0;
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Things the user should be told even though the operation succeeded.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>All error messages as one reply, one per line.</summary>
    public string ErrorMessage => string.Join(Environment.NewLine, Errors.Select(e => e.Message));

    public static DomainResult Ok() => Success;
    public static DomainResult Ok(IReadOnlyList<string> notes) => notes.Count == 0 ? Success : new([], notes);
    public static DomainResult Fail(string field, string message) => new([new FieldError(field, message)], []);

    public static DomainResult Fail(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(list, []);
    }
}
