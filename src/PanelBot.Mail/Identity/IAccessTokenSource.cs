namespace PanelBot.Mail;

/// <summary>Supplies OAuth bearer tokens (cached and refreshed by the implementation).</summary>
public interface IAccessTokenSource
{
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
