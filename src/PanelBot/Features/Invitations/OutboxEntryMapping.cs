using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Invitations;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext
{
    public DbSet<OutboxEntry> OutboxMessages => Set<OutboxEntry>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<TeamsWorkItem> TeamsWork => Set<TeamsWorkItem>();

    private static void ConfigureOutbox(ModelBuilder model)
    {
        model.Entity<OutboxEntry>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.Property(x => x.State).HasConversion<string>();
            e.Property(x => x.NotBefore).HasConversion(NodaConverters.Instant);
            e.Property(x => x.NextAttemptAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.ClaimedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.SentAt).HasConversion(NodaConverters.Instant);
            e.Ignore(x => x.Recipients);
        });
        model.Entity<TeamsWorkItem>(e =>
        {
            e.ToTable("teams_work");
            e.HasKey(x => x.Id);
            e.Property(x => x.NextAttemptAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.ClaimedAt).HasConversion(NodaConverters.Instant);
            e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
        });
        model.Entity<AppSecret>(e =>
        {
            e.ToTable("app_secrets");
            e.HasKey(x => x.Name);
        });
    }
}
