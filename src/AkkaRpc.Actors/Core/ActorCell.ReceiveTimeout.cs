namespace AkkaRpc.Actors;

internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ITimer? _receiveTimeoutTimer;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A receive timeout must be positive; pass null to turn it off.");
        }

        _receiveTimeout = timeout;
        if (timeout is null)
        {
            _receiveTimeoutTimer?.Dispose();
            _receiveTimeoutTimer = null;
            return;
        }

        RearmReceiveTimeout();
    }

    private void RearmReceiveTimeout()
    {
        if (_receiveTimeout is not { } timeout)
        {
            return;
        }

        if (_receiveTimeoutTimer is null)
        {
            _receiveTimeoutTimer = System.TimeProvider.CreateTimer(
                static state => ((ActorCell)state!).Self.Tell(Actors.ReceiveTimeout.Instance, null),
                this,
                timeout,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            _receiveTimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }
}
