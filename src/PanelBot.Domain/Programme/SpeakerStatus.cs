namespace PanelBot.Domain.Programme;

public enum SpeakerStatus
{
    Invited,
    Tbc,
    Confirmed,
    Declined,
}
