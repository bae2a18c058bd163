using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.TeamsQueue;

public sealed class TeamsWorkItemMapping : IEntityTypeConfiguration<TeamsWorkItem>
{
    public void Configure(EntityTypeBuilder<TeamsWorkItem> e)
    {
        e.ToTable("teams_work");
        e.HasKey(x => x.Id);
        e.Property(x => x.NextAttemptAt).HasConversion(NodaConverters.Instant);
        e.Property(x => x.ClaimedAt).HasConversion(NodaConverters.Instant);
        e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
    }
}

public static class TeamsWorkSet
{
    extension(PanelBotDbContext db)
    {
        public DbSet<TeamsWorkItem> TeamsWork => db.Set<TeamsWorkItem>();
    }
}
