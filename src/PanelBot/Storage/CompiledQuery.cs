using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PanelBot.Storage;

/// <summary>
/// An EF compiled query per model: EF binds a compiled query to the model it first ran with, and a process that talks
/// to both providers (the tests do) has one model per provider.
/// </summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : class
{
    private readonly ConcurrentDictionary<IModel, TDelegate> _byModel = new(ReferenceEqualityComparer.Instance);

    public TDelegate For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
