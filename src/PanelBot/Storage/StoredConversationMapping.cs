using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PanelBot.Storage;

public sealed class StoredConversationMapping : IEntityTypeConfiguration<StoredConversation>
{
    public void Configure(EntityTypeBuilder<StoredConversation> e)
    {
        e.ToTable("conversations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.ChannelId).HasColumnName("channel_id");
        e.Property(x => x.ConversationId).HasColumnName("conversation_id");
        e.Property(x => x.ServiceUrl).HasColumnName("service_url");
        e.Property(x => x.ConversationType).HasColumnName("conversation_type");
        e.Property(x => x.TenantId).HasColumnName("tenant_id");
        e.Property(x => x.Scope).HasColumnName("scope");
        e.Property(x => x.TeamId).HasColumnName("team_id");
        e.Property(x => x.DeadAt).HasColumnName("dead_at");
        e.Property(x => x.ReferenceJson).HasColumnName("reference_json");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.HasIndex(x => new { x.ChannelId, x.ConversationId }).IsUnique();
    }
}
