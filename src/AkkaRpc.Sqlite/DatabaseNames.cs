namespace AkkaRpc.Sqlite;

/// <summary>Validates database names and maps them to files under a data directory.</summary>
/// <remarks>
/// A name is 1 to 128 characters from <c>[A-Za-z0-9_.-]</c>; it may not start with <c>.</c> (no
/// hidden files, no <c>.</c> or <c>..</c>) and may not contain <c>..</c>. Names are case-sensitive
/// on the wire, but two names differing only in case are the same file on case-insensitive file
/// systems, so pick lowercase. The file is <c>&lt;name&gt;.db</c> directly in the data directory;
/// its WAL files sit next to it as <c>&lt;name&gt;.db-wal</c> and <c>&lt;name&gt;.db-shm</c>.
/// </remarks>
public static class DatabaseNames
{
    /// <summary>The longest allowed name.</summary>
    public const int MaxLength = 128;

    /// <summary>The extension added to a name to make its file name.</summary>
    public const string FileExtension = ".db";

    /// <summary>Checks a name against the rules.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="reason">When invalid, which rule the name breaks.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValid(string? name, out string? reason)
    {
        reason = Check(name);
        return reason is null;
    }

    /// <summary>Validates <paramref name="name"/> and returns the full path of its file under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The name is invalid; the message says which rule it breaks.</exception>
    public static string ResolvePath(string dataDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (Check(name) is { } reason)
        {
            throw new ArgumentException($"'{name}' is not a valid database name: {reason}.", nameof(name));
        }

        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var path = Path.GetFullPath(Path.Combine(directory, name + FileExtension));

        // The character rules already exclude separators and "..", so this is defence in depth
        // against a platform treating some allowed name specially.
        if (!string.Equals(Path.GetDirectoryName(path), directory, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' does not resolve to a file directly inside the data directory.", nameof(name));
        }

        return path;
    }

    private static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is {name.Length} characters long, over the limit of {MaxLength}";
        }

        if (name[0] == '.')
        {
            return "it starts with '.'";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "it contains '..'";
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return c switch
                {
                    '/' or '\\' => "it contains a path separator",
                    '\0' => "it contains a NUL character",
                    _ => $"it contains the character U+{(int)c:X4}, which is not allowed",
                };
            }
        }

        return null;
    }
}
