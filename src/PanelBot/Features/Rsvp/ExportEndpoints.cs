using System.Text;
using PanelBot.Domain.Commands;
using PanelBot.Features.Events;

namespace PanelBot.Features.Rsvp;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapAttendeeExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{token}", async (string token, AttendeeExport export, EventLookup lookup,
            RegistrationRepository registrations, CancellationToken ct) =>
        {
            if (export.Read(token) is not { } number)
            {
                return Results.Problem("This download link is invalid or has expired. Type `export #N` in the chat for a new one.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            var ev = await lookup.FindAsync(EventRef.ForNumber(number), ct);
            if (ev is null)
            {
                return Results.NotFound();
            }

            var csv = AttendeeCsv.Write(ev, await registrations.ListAsync(ev, ct));
            // A BOM so that Excel reads the file as UTF-8 (names are rarely ASCII).
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"{ev.Slug}-attendees.csv");
        });
        return app;
    }
}
