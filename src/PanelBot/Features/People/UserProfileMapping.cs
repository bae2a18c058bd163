using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.People;

public sealed class UserProfileMapping : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> e)
    {
        e.ToTable("user_profiles");
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasColumnName("user_id");
        e.Property(x => x.Name).HasColumnName("name");
        e.Property(x => x.Email).HasColumnName("email");
        e.Property(x => x.LastTimeZone).HasColumnName("last_time_zone");
        e.Property(x => x.ClientTimeZone).HasColumnName("client_time_zone");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
    }
}

public static class UserProfileSet
{
    extension(PanelBotDbContext db)
    {
        public DbSet<UserProfile> UserProfiles => db.Set<UserProfile>();
    }
}
