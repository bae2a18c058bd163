using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PanelBot.Storage;

/// <summary>The Data Protection key ring lives with the data (migration 0006_i15), so every instance shares it.</summary>
public sealed partial class PanelBotDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static void ConfigureKeys(ModelBuilder model) =>
        model.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(x => x.Id);
        });
}
