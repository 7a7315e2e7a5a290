using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AkkaRpc.Services.Tests;

/// <summary>What the tests see of and do to the greeter instances: the order calls ran in, and a gate calls wait on.</summary>
public sealed class GreeterProbe
{
    private int _generations;

    /// <summary>Each started call's tag, in the order they started.</summary>
    public Channel<string> Started { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Each write opens the gate for one waiting call.</summary>
    public Channel<bool> Gate { get; } = Channel.CreateUnbounded<bool>();

    /// <summary>Tags whose calls saw their cancellation token fire.</summary>
    public ConcurrentQueue<string> Cancelled { get; } = new();

    public int NextGeneration() => Interlocked.Increment(ref _generations);
}

public sealed class Greeter(GreeterProbe probe) : IGreeter
{
    private readonly List<string> _notes = [];
    private readonly int _generation = probe.NextGeneration();

    public Task<string> HelloAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult($"Hello, {name}!");

    public Task<Greeting> GreetAsync(Person person, IReadOnlyList<string> tags, Mood mood, int? times, byte[] payload, Person[] friends) =>
        Task.FromResult(new Greeting($"Hi {person.Nickname ?? person.Name}", person, tags, mood, times, payload, [.. friends]));

    public Task RememberAsync(string note)
    {
        _notes.Add(note);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> NotesAsync() => Task.FromResult<IReadOnlyList<string>>([.. _notes]);

    public async Task<string> GateAsync(string tag, CancellationToken cancellationToken = default)
    {
        probe.Started.Writer.TryWrite(tag);
        try
        {
            await probe.Gate.Reader.ReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.Enqueue(tag);
            throw;
        }

        return tag;
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task RejectAsync(string message) => Task.FromException(new InvalidGreetingException(message));

    public Task CrashAsync() => throw new GreeterCorruptedException("the greeter's state is corrupt");

    public Task<int> GenerationAsync() => Task.FromResult(_generation);
}
