using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.Events.Forms;

public sealed class CardSubmissionMapping : IEntityTypeConfiguration<CardSubmission>
{
    public void Configure(EntityTypeBuilder<CardSubmission> e)
    {
        e.ToTable("card_submissions");
        e.HasKey(x => x.SubmissionId);
        e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
    }
}

public static class CardSubmissionSet
{
    extension(PanelBotDbContext db)
    {
        public DbSet<CardSubmission> CardSubmissions => db.Set<CardSubmission>();
    }
}
