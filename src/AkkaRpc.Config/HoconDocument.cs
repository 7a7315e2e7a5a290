namespace AkkaRpc.Config;

/// <summary>A parsed and fully resolved HOCON document, with typed getters by path.</summary>
/// <remarks>
/// <para>
/// Paths use HOCON's syntax: keys separated by dots, with quotes around a key that contains a dot
/// (<c>akkarpc.remote."my.host".port</c>).
/// </para>
/// <para>
/// Substitutions are resolved against the whole merged document, so they may refer forward. One that is
/// not found there falls back to the environment variable named by its path (<c>${HOME}</c>,
/// <c>${?AKKARPC_PORT}</c>), as the specification says. A value that refers to its own path sees the value
/// defined before it (<c>path = ${path}":/usr/bin"</c>); with no earlier value, <c>${?path}</c> is undefined and
/// <c>${path}</c> is an error unless the environment has it. An optional substitution that resolves to nothing
/// leaves its key unset, or at its earlier value.
/// </para>
/// <para>
/// Only file includes are supported (<c>include "f"</c>, <c>file("f")</c>, <c>required(...)</c>); a missing
/// include that is not required is ignored. Substitutions in a file included inside an object are looked up
/// at the include point first (<c>${x}</c> in <c>a { include "f" }</c> means <c>${a.x}</c>), then from the root.
/// </para>
/// </remarks>
public sealed partial class HoconDocument
{
    private HoconDocument(HoconObject root, IReadOnlyCollection<string> files)
    {
        Root = root;
        Files = files;
    }

    /// <summary>Gets the root object.</summary>
    public HoconObject Root { get; }

    /// <summary>Gets the full paths of every file read: the loaded file and everything it included.</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>Parses HOCON text.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="fileName">The file the text came from, named in error messages and used as the base for relative includes; when <see langword="null"/>, includes are relative to the current directory.</param>
    /// <returns>The resolved document.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON or cannot be resolved.</exception>
    public static HoconDocument Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? fullName = fileName is null ? null : Path.GetFullPath(fileName);
        return Parse(text, fullName, HoconLoadContext.ForProcess());
    }

    /// <summary>Reads and parses a HOCON file.</summary>
    /// <param name="path">The file; relative paths are relative to the current directory.</param>
    /// <returns>The resolved document.</returns>
    /// <exception cref="HoconException">The file is not valid HOCON or cannot be resolved.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static HoconDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Load(path, HoconLoadContext.ForProcess());
    }

    internal static HoconDocument Load(string path, HoconLoadContext context)
    {
        string fullPath = Path.GetFullPath(path, context.BaseDirectory);
        string text = File.ReadAllText(fullPath);
        return Parse(text, fullPath, context);
    }

    internal static HoconDocument Parse(string text, string? fullPath, HoconLoadContext context)
    {
        if (fullPath is not null)
        {
            context.IncludeChain.Add(fullPath);
            context.FilesRead.Add(fullPath);
        }

        RawObject raw = HoconParser.Parse(text, fullPath, context);
        HoconObject root = HoconResolver.Resolve(raw, context.Environment);
        return new HoconDocument(root, [.. context.FilesRead]);
    }

    /// <summary>Gets whether a value (including <c>null</c>) is defined at the path.</summary>
    /// <param name="path">A HOCON path such as <c>akkarpc.remote.tcp.port</c>.</param>
    /// <returns><see langword="true"/> when the path exists.</returns>
    public bool HasPath(string path) => TryGetValue(path, out _);

    /// <summary>Gets the value at a path, if there is one.</summary>
    /// <param name="path">A HOCON path such as <c>akkarpc.remote.tcp.port</c>.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><see langword="true"/> when the path exists.</returns>
    /// <exception cref="ArgumentException">The path is not a valid path expression.</exception>
    public bool TryGetValue(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconValue? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] keys;
        try
        {
            keys = HoconPath.Parse(path);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(path), e);
        }

        value = Root;
        foreach (string key in keys)
        {
            if (value is not HoconObject obj || !obj.TryGetValue(key, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }
}
