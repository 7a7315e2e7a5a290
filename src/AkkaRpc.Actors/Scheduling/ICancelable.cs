namespace AkkaRpc.Actors;

/// <summary>A scheduled delivery that can be called off.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called (or a one-off delivery has happened).</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Stops further deliveries; safe to call more than once.</summary>
    void Cancel();
}
