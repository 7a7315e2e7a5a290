namespace AkkaRpc.Actors;

/// <summary>A temporary reply reference of an ask, which can be failed from outside.</summary>
internal interface IPromiseRef
{
    void Fail(Exception cause);
}
