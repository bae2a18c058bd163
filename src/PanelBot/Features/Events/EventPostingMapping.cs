using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

public sealed class EventPostingMapping : IEntityTypeConfiguration<EventPosting>
{
    public void Configure(EntityTypeBuilder<EventPosting> e)
    {
        e.ToTable("event_postings");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.EventId);
    }
}

public static class EventPostingSet
{
    extension(PanelBotDbContext db)
    {
        public DbSet<EventPosting> EventPostings => db.Set<EventPosting>();
    }
}
