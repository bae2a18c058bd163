using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace PanelBot.Storage;

/// <summary>Column conversions shared by SQLite and PostgreSQL: local times as ISO text, instants as UTC timestamps.</summary>
internal static class NodaConverters
{
    public static readonly ValueConverter<LocalDateTime, string> LocalDateTime = new(
        v => LocalDateTimePattern.ExtendedIso.Format(v),
        v => LocalDateTimePattern.ExtendedIso.Parse(v).Value);

    public static readonly ValueConverter<Instant, DateTime> Instant = new(
        v => v.ToDateTimeUtc(),
        v => NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}

/// <summary>Owned values kept as one JSON column: they are always read and written with their event.</summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ValueConverter<T, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
