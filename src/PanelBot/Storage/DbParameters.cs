using System.Data;
using System.Data.Common;

namespace PanelBot.Storage;

/// <summary>Parameters for the hand-written statements of the hot paths, the same way for SQLite and PostgreSQL.</summary>
public static class DbParameters
{
    /// <summary>Adds a parameter (null becomes <see cref="DBNull"/>) and returns its name, for the SQL text.</summary>
    /// <param name="type">
    /// Null for instants: each driver infers its own from a UTC <see cref="DateTime"/> (Npgsql: <c>timestamptz</c>;
    /// <see cref="DbType.DateTime"/> would be <c>timestamp</c>), which is how EF Core stores them here.
    /// </param>
    public static string Add(this DbCommand command, string name, object? value, DbType? type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } known)
        {
            parameter.DbType = known;
        }

        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return name;
    }
}
