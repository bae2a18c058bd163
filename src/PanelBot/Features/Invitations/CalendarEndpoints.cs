using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Calendar;
using PanelBot.Domain.Events;
using PanelBot.Features.Events;
using PanelBot.Hosting;
using PanelBot.Storage;
using EventStatus = PanelBot.Domain.Events.EventStatus;

namespace PanelBot.Features.Invitations;

/// <summary>
/// <c>GET /events/{ref}.ics</c>: a published event as METHOD:PUBLISH, no attendees, never the join link.
/// <c>GET /feeds/{token}.ics</c>: every public event an organiser runs, for calendar subscriptions (webcal://).
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{reference}.ics", EventAsync);
        app.MapGet("/feeds/{token}.ics", FeedAsync);
        app.MapGet("/feeds/series/{token}.ics", SeriesFeedAsync);
        return app;
    }

    private static async Task<IResult> EventAsync(string reference, EventRepository events, CalendarEvents calendar,
        ICalendarWriter writer, PublicUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var ev = await events.FindAsync(reference, ct);
        if (ev is null || !IsPublic(ev))
        {
            return Results.NotFound();
        }

        var ics = writer.Write(CalendarMethod.Publish, [calendar.ForPublic(ev, urls.EventIcs(ev).ToString())], clock.GetCurrentInstant(), CalendarEvents.ProdId);
        return Results.Bytes(Encoding.UTF8.GetBytes(ics), ContentType, $"{ev.Slug}.ics");
    }

    private static async Task<IResult> FeedAsync(string token, FeedTokens tokens, PanelBotDbContext db, CalendarEvents calendar,
        ICalendarWriter writer, PublicUrls urls, People.NamedPeople people, TimeProvider clock, CancellationToken ct)
    {
        if (await tokens.OrganiserOfAsync(token, ct) is not { } issuedFor)
        {
            return Results.NotFound();
        }

        var organiserId = await people.CurrentKeyAsync(issuedFor, ct);
        var since = clock.GetCurrentInstant() - Duration.FromDays(366);
        var candidates = await db.Events.AsNoTracking().Where(e => e.EndsAt >= since).OrderBy(e => e.StartsAt).ToListAsync(ct);
        var mine = candidates.Where(e => IsPublic(e) && e.CanEdit(organiserId)).Take(500)
            .Select(e => calendar.ForPublic(e, urls.EventIcs(e).ToString())).ToList();
        var ics = writer.Write(CalendarMethod.Publish, mine, clock.GetCurrentInstant(), CalendarEvents.ProdId);
        return Results.Bytes(Encoding.UTF8.GetBytes(ics), ContentType);
    }

    private static async Task<IResult> SeriesFeedAsync(string token, FeedTokens tokens, PanelBotDbContext db, CalendarEvents calendar,
        ICalendarWriter writer, PublicUrls urls, TimeProvider clock, CancellationToken ct)
    {
        if (await tokens.SeriesOfAsync(token, ct) is not { } series)
        {
            return Results.NotFound();
        }

        var since = clock.GetCurrentInstant() - Duration.FromDays(366);
        var candidates = await db.Events.AsNoTracking().Where(e => e.EndsAt >= since && e.PartOf == series).OrderBy(e => e.StartsAt).ToListAsync(ct);
        var inSeries = candidates.Where(IsPublic).Take(500).Select(e => calendar.ForPublic(e, urls.EventIcs(e).ToString())).ToList();
        var ics = writer.Write(CalendarMethod.Publish, inSeries, clock.GetCurrentInstant(), CalendarEvents.ProdId);
        return Results.Bytes(Encoding.UTF8.GetBytes(ics), ContentType);
    }

    private static bool IsPublic(Event ev) => ev.Status is EventStatus.Published or EventStatus.Completed or EventStatus.Cancelled && ev.PublishedAt is not null;
}
