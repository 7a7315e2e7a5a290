using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AkkaRpc.Actors;

/// <summary>
/// The address of an actor plus the names from the root to it, e.g. <c>akkarpc://Sys/user/databases/orders</c>.
/// Paths compare by address and elements; <see cref="Uid"/> tells incarnations of the same path apart.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    // Akka's rule: RFC 2396 path characters, '%' only as an escape, and '$' reserved for generated names.
    private const string ValidSymbols = "\"-_.*$+:@&=,!~';";
    private static readonly string[] s_guardians = ["user", "system", "temp", "remote", "deadLetters"];
    private readonly string[] _elements;
    private string? _text;
    private string? _localText;

    internal ActorPath(Address address, string[] elements, long uid = 0)
    {
        Address = address;
        _elements = elements;
        Uid = uid;
    }

    /// <summary>The system this path lives in.</summary>
    public Address Address { get; }

    /// <summary>The names from the root to the actor; empty for the root.</summary>
    public IReadOnlyList<string> Elements => _elements;

    /// <summary>The last element, or "/" for the root.</summary>
    public string Name => _elements.Length == 0 ? "/" : _elements[^1];

    /// <summary>The incarnation id; 0 when unknown (e.g. a parsed path).</summary>
    public long Uid { get; }

    /// <summary>The parent's path; the root is its own parent.</summary>
    public ActorPath Parent => _elements.Length == 0 ? this : new ActorPath(Address, _elements[..^1]);

    /// <summary>The path of a child called <paramref name="name"/>.</summary>
    public static ActorPath operator /(ActorPath parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Child(name);
    }

    /// <summary>The path of a child called <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(Address, [.. _elements, name]);

    /// <summary>The same path with another incarnation id.</summary>
    public ActorPath WithUid(long uid) => new(Address, _elements, uid);

    /// <summary>The path without its address, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress() => _localText ??= _elements.Length == 0 ? "/" : "/" + string.Join('/', _elements);

    /// <inheritdoc />
    public override string ToString() => _text ??= Address + ToStringWithoutAddress();

    /// <summary>
    /// True if <paramref name="element"/> may name an actor: non-empty, RFC 2396 characters or %-escapes,
    /// and not starting with '$' (reserved for generated names).
    /// </summary>
    public static bool IsValidPathElement([NotNullWhen(true)] string? element) =>
        !string.IsNullOrEmpty(element) && element[0] != '$' && HasValidCharacters(element);

    internal static bool HasValidCharacters(string element)
    {
        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (char.IsAsciiLetterOrDigit(c) || ValidSymbols.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (c == '%' && i + 2 < element.Length && char.IsAsciiHexDigit(element[i + 1]) && char.IsAsciiHexDigit(element[i + 2]))
            {
                i += 2;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Parses an absolute path such as <c>akkarpc.tcp://Sys@127.0.0.1:4053/user/a</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid actor path.</exception>
    public static ActorPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <summary>Parses an absolute path; returns false for anything malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ActorPath? path) => TryParse(text, out path, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out ActorPath? path, out string error)
    {
        path = null;
        error = $"'{text}' is not an actor path; expected e.g. akkarpc://System/user/name or akkarpc.tcp://System@host:port/user/name.";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !text.StartsWith(Address.LocalProtocol, StringComparison.Ordinal))
        {
            return false;
        }

        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var firstSlash = rest.IndexOf('/', StringComparison.Ordinal);
        string system;
        string? host = null;
        int? port = null;
        string elementsText;
        if (at < 0 || (firstSlash >= 0 && firstSlash < at))
        {
            system = firstSlash < 0 ? rest : rest[..firstSlash];
            elementsText = firstSlash < 0 ? "" : rest[firstSlash..];
        }
        else
        {
            system = rest[..at];
            var authority = rest[(at + 1)..];
            if (!SplitAuthority(authority, out host, out port, out elementsText))
            {
                return false;
            }
        }

        if (system.Length == 0)
        {
            return false;
        }

        var elements = elementsText.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var element in elements)
        {
            if (!HasValidCharacters(element))
            {
                error = $"'{text}' has an invalid path element '{element}'.";
                return false;
            }
        }

        path = new ActorPath(new Address(protocol, system, host, port), elements);
        return true;
    }

    // A Unix socket path contains '/', so it ends where the first guardian element ("/user", "/system", ...)
    // begins; everything before is the socket path. TCP authorities end at the first '/'.
    private static bool SplitAuthority(string authority, out string? host, out int? port, out string elementsText)
    {
        host = null;
        port = null;
        elementsText = "";
        if (authority.StartsWith('/'))
        {
            var end = FindGuardianStart(authority);
            host = end < 0 ? authority : authority[..end];
            elementsText = end < 0 ? "" : authority[end..];
            return host.Length > 1;
        }

        var slash = authority.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash < 0 ? authority : authority[..slash];
        elementsText = slash < 0 ? "" : authority[slash..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), out var p) || p is < 0 or > 65535)
        {
            return false;
        }

        host = hostPort[..colon].Trim('[', ']');
        port = p;
        return host.Length > 0;
    }

    private static int FindGuardianStart(string authority)
    {
        var best = -1;
        foreach (var guardian in s_guardians)
        {
            var marker = "/" + guardian;
            for (var i = authority.IndexOf(marker, 1, StringComparison.Ordinal); i >= 0; i = authority.IndexOf(marker, i + 1, StringComparison.Ordinal))
            {
                var after = i + marker.Length;
                if ((after == authority.Length || authority[after] == '/') && (best < 0 || i < best))
                {
                    best = i;
                    break;
                }
            }
        }

        return best;
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other) =>
        other is not null && Address.Equals(other.Address) && _elements.AsSpan().SequenceEqual(other._elements);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Address);
        foreach (var element in _elements)
        {
            hash.Add(element, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    internal static string GenerateName(long number)
    {
        // Akka's base-64-ish "$a", "$b", ... names: short, unique per parent, never valid for users.
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        var sb = new StringBuilder("$");
        do
        {
            sb.Append(chars[(int)(number & 63)]);
            number >>= 6;
        }
        while (number != 0);
        return sb.ToString();
    }
}
