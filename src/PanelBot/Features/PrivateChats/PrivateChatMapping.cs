using Microsoft.EntityFrameworkCore;

namespace PanelBot.Storage;

public sealed partial class PanelBotDbContext
{
    public DbSet<PrivateChat> PrivateChats => Set<PrivateChat>();

    partial void ConfigurePrivateChats(ModelBuilder model);

    partial void ConfigurePrivateChats(ModelBuilder model)
    {
        model.Entity<PrivateChat>(e =>
        {
            e.ToTable("private_chats");
            e.HasKey(x => x.UserId);
        });
    }
}
