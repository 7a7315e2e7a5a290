using AkkaRpc.Services;

namespace AkkaRpc.Services.Tests;

public enum Mood
{
    Calm,
    Cheerful,
}

public sealed record Person(string Name, int Age, string? Nickname);

public sealed record Greeting(string Text, Person To, IReadOnlyList<string> Tags, Mood Mood, int? Times, byte[] Payload, List<Person> Friends);

/// <summary>A declared exception: it reaches callers as itself.</summary>
public sealed class InvalidGreetingException(string message) : Exception(message);

/// <summary>Marked fatal by the tests' host options: the instance is replaced after it.</summary>
public sealed class GreeterCorruptedException(string message) : Exception(message);

[AkkaRpcService(7400)]
[Throws(typeof(InvalidGreetingException))]
public interface IGreeter
{
    Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);

    Task<Greeting> GreetAsync(Person person, IReadOnlyList<string> tags, Mood mood, int? times, byte[] payload, Person[] friends);

    [Notification]
    Task RememberAsync(string note);

    Task<IReadOnlyList<string>> NotesAsync();

    /// <summary>Records <paramref name="tag"/>, then waits until the test opens the gate (or the token fires).</summary>
    Task<string> GateAsync(string tag, CancellationToken cancellationToken = default);

    Task FailAsync(string message);

    Task RejectAsync(string message);

    Task CrashAsync();

    Task<int> GenerationAsync();
}
