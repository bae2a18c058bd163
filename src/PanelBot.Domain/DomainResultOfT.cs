using System.Diagnostics.CodeAnalysis;

namespace PanelBot.Domain;

/// <summary>Outcome of a domain operation that produces a value on success.</summary>
public sealed class DomainResult<T>
{
    private readonly T? _value;

    private DomainResult(T? value, IReadOnlyList<FieldError> errors, IReadOnlyList<string> notes)
    {
        _value = value;
        Errors = errors;
        Notes = notes;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Errors.Count == 0;

    public T? Value => _value;
    public IReadOnlyList<FieldError> Errors { get; }
    public IReadOnlyList<string> Notes { get; }
    public string ErrorMessage => string.Join(Environment.NewLine, Errors.Select(e => e.Message));

    public static DomainResult<T> Ok(T value) => new(value, [], []);
    public static DomainResult<T> Ok(T value, IReadOnlyList<string> notes) => new(value, [], notes);
    public static DomainResult<T> Fail(string field, string message) => new(default, [new FieldError(field, message)], []);

    public static DomainResult<T> Fail(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(default, list, []);
    }

    /// <summary>Returns the value or throws; for callers that have checked <see cref="IsSuccess"/> or for tests.</summary>
    public T GetValueOrThrow() =>
        IsSuccess ? _value! : throw new InvalidOperationException($"The operation failed: {ErrorMessage}");

    public DomainResult<TOther> FailAs<TOther>() => DomainResult<TOther>.Fail(Errors);
}
