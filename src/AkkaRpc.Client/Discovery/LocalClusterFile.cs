using System.Text.Json;
using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>
/// The members of a local cluster that <c>akkarpc cluster start</c> runs (<c>cluster.json</c> in the runtime directory):
/// each member's pid, address and log. Clients look at every member's address after the node socket, so a client
/// started later finds a live member without flags, whichever member died.
/// </summary>
/// <param name="SystemName">The members' actor system name.</param>
/// <param name="DataDirectory">The data directory they share.</param>
/// <param name="StartedAt">When the cluster was started.</param>
/// <param name="Members">The members, in start order (the first is the first seed node).</param>
internal sealed record LocalClusterFile(string SystemName, string DataDirectory, DateTimeOffset StartedAt, IReadOnlyList<LocalClusterMember> Members)
{
    /// <summary>The file's name in the runtime directory.</summary>
    public const string FileName = "cluster.json";

    /// <summary>The file's path in the runtime directory of <paramref name="options"/>, without creating anything.</summary>
    public static string PathFor(AkkaRpcClientOptions options) => Path.Combine(ClientPaths.RuntimeDirectoryPath(options), FileName);

    /// <summary>The file at <paramref name="path"/>, or null when there is none (no cluster started, or stopped since).</summary>
    /// <exception cref="InvalidDataException">The file is not a cluster file (say, half written by hand).</exception>
    public static LocalClusterFile? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, LocalClusterJsonContext.Default.LocalClusterFile)
                ?? throw new InvalidDataException($"{path} is empty; remove it, or run 'akkarpc cluster stop'.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a cluster file written by 'akkarpc cluster start' ({e.Message}); remove it, or run 'akkarpc cluster stop'.", e);
        }
    }

    /// <summary>The member addresses a client of <paramref name="options"/> should look at; empty when no cluster file is there or it is unreadable.</summary>
    public static IReadOnlyList<Address> MemberAddresses(AkkaRpcClientOptions options)
    {
        try
        {
            return Read(PathFor(options)) is { } file
                ? [.. file.Members.Select(m => Address.Parse(m.Address))]
                : [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            // Discovery goes on with the socket and the TCP range; `akkarpc cluster stop` reports the broken file.
            return [];
        }
    }

    /// <summary>Writes the file whole (a reader never sees half of it), private to this user.</summary>
    public void Write(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, LocalClusterJsonContext.Default.LocalClusterFile));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
