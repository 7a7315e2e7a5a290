namespace AkkaRpc.Actors;

/// <summary>A temporary reply reference of an ask, which can be failed from outside.</summary>
internal interface IPromiseRef
{
    /// <summary>Completes when the ask has its reply, failed or was canceled.</summary>
    Task Completion { get; }

    void Fail(Exception cause);
}
