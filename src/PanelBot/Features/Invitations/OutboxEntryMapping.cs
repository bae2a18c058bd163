using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

public sealed class OutboxEntryMapping : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> e)
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
        e.Ignore(x => x.IsComposed);
    }
}

public sealed class AppSecretMapping : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> e)
    {
        e.ToTable("app_secrets");
        e.HasKey(x => x.Name);
    }
}

public static class InvitationSets
{
    extension(PanelBotDbContext db)
    {
        public DbSet<OutboxEntry> OutboxMessages => db.Set<OutboxEntry>();
        public DbSet<AppSecret> AppSecrets => db.Set<AppSecret>();
    }
}
