namespace PanelBot.BotFramework;

/// <summary>One page of <c>GET v3/conversations/{id}/pagedmembers</c>; loop while <see cref="ContinuationToken"/> is set.</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public List<TeamsChannelAccount> Members { get; set; } = [];
}
