using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelBot.Storage;

namespace PanelBot.Features.PrivateChats;

public sealed class PrivateChatMapping : IEntityTypeConfiguration<PrivateChat>
{
    public void Configure(EntityTypeBuilder<PrivateChat> e)
    {
        e.ToTable("private_chats");
        e.HasKey(x => x.UserId);
    }
}

public static class PrivateChatSet
{
    extension(PanelBotDbContext db)
    {
        public DbSet<PrivateChat> PrivateChats => db.Set<PrivateChat>();
    }
}
