namespace PanelBot.Domain.Events;

/// <summary>Field names used in <see cref="FieldError.Field"/>; they match the <c>set</c> command's field words.</summary>
public static class EventFields
{
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Tags = "tags";
    public const string Date = "date";
    public const string Start = "start";
    public const string End = "end";
    public const string Zone = "zone";
    public const string Venue = "venue";
    public const string Link = "link";
    public const string Platform = "platform";
    public const string Passcode = "passcode";
    public const string DialIn = "dialin";
    public const string Release = "release";
    public const string Recorded = "recorded";
    public const string Hosts = "hosts";
    public const string Contact = "contact";
    public const string PartOf = "partof";
    public const string Capacity = "capacity";
    public const string Deadline = "deadline";
    public const string Approval = "approval";
    public const string Status = "status";
    public const string Speaker = "speaker";
    public const string Segment = "segment";
    public const string Reading = "reading";
    public const string Organiser = "organiser";
    public const string Event = "event";
}
