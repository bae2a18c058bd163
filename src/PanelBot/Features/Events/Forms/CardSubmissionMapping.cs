using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Events.Forms;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext
{
    public DbSet<CardSubmission> CardSubmissions => Set<CardSubmission>();

    partial void ConfigureForms(ModelBuilder model);

    partial void ConfigureForms(ModelBuilder model)
    {
        model.Entity<CardSubmission>(e =>
        {
            e.ToTable("card_submissions");
            e.HasKey(x => x.SubmissionId);
            e.Property(x => x.CreatedAt).HasConversion(NodaConverters.Instant);
        });
    }
}
