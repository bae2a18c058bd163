using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Storage;

/// <summary>
/// The one database context. Each slice maps its own tables with an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// beside its entity (and may add its set as an extension property); all are loaded from this assembly.
/// </summary>
public sealed partial class PanelBotDbContext(DbContextOptions<PanelBotDbContext> options) : DbContext(options)
{
    public DbSet<StoredConversation> Conversations => Set<StoredConversation>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Registration> Registrations => Set<Registration>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(PanelBotDbContext).Assembly);
        ConfigureKeys(model);
        UseSnakeCaseColumns(model);
    }

    /// <summary>The SQL migrations name columns in snake_case; explicit names in the mappings win.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation("Relational:ColumnName") is not null)
                {
                    continue;
                }

                property.SetColumnName(SnakeCase(property.Name.TrimStart('_')));
            }
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
