namespace PanelBot.Domain.Events;

public enum RegistrationMode
{
    /// <summary>Anyone can say they are going (subject to capacity).</summary>
    Open,

    /// <summary>"Going" waits for an organiser to approve.</summary>
    Approval,
}
