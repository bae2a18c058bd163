using Microsoft.EntityFrameworkCore;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext(DbContextOptions<PanelBotDbContext> options) : DbContext(options)
{
    public DbSet<StoredConversation> Conversations => Set<StoredConversation>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<StoredConversation>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ChannelId).HasColumnName("channel_id");
            e.Property(x => x.ConversationId).HasColumnName("conversation_id");
            e.Property(x => x.ServiceUrl).HasColumnName("service_url");
            e.Property(x => x.ConversationType).HasColumnName("conversation_type");
            e.Property(x => x.TenantId).HasColumnName("tenant_id");
            e.Property(x => x.Scope).HasColumnName("scope");
            e.Property(x => x.TeamId).HasColumnName("team_id");
            e.Property(x => x.DeadAt).HasColumnName("dead_at");
            e.Property(x => x.ReferenceJson).HasColumnName("reference_json");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => new { x.ChannelId, x.ConversationId }).IsUnique();
        });
        model.Entity<UserProfile>(e =>
        {
            e.ToTable("user_profiles");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Email).HasColumnName("email");
            e.Property(x => x.LastTimeZone).HasColumnName("last_time_zone");
            e.Property(x => x.ClientTimeZone).HasColumnName("client_time_zone");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
        ConfigureEvents(model);
        ConfigureOutbox(model);
        ConfigureScheduling(model);
        ConfigureForms(model);
        ConfigurePrivateChats(model);
        ConfigureKeys(model);
        UseSnakeCaseColumns(model);
    }

    /// <summary>The SQL migrations name columns in snake_case; explicit names above win.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            if (property.FindAnnotation("Relational:ColumnName") is not null) continue;
            property.SetColumnName(SnakeCase(property.Name.TrimStart('_')));
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    partial void ConfigureEvents(ModelBuilder model);
}
