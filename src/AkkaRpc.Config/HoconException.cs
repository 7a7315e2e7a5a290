namespace AkkaRpc.Config;

/// <summary>The error thrown when HOCON text is malformed, cannot be resolved, or a value has the wrong type.</summary>
/// <remarks>
/// When the error has a place in a file, <see cref="Exception.Message"/> starts with
/// <c>file:line:column:</c> and the same place is available through <see cref="FileName"/>,
/// <see cref="Line"/> and <see cref="Column"/>.
/// </remarks>
public sealed class HoconException : Exception
{
    /// <summary>Creates an exception with a generic message and no position.</summary>
    public HoconException()
        : this("The HOCON configuration is invalid.")
    {
    }

    /// <summary>Creates an exception with the given message and no position.</summary>
    /// <param name="message">What went wrong.</param>
    public HoconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause, and no position.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconException(string detail, SourcePosition position, Exception? innerException = null)
        : base($"{position}: {detail}", innerException)
    {
        FileName = position.File;
        Line = position.Line;
        Column = position.Column;
    }

    /// <summary>Gets the file the error is in, or <see langword="null"/> for text that did not come from a file.</summary>
    public string? FileName { get; }

    /// <summary>Gets the 1-based line of the error, or 0 when the error has no position.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the error, or 0 when the error has no position.</summary>
    public int Column { get; }
}
