namespace AkkaRpc.Actors;

/// <summary>The sender used by <c>Tell(message)</c> outside actors, e.g. the TestKit's test actor.</summary>
internal static class ImplicitSender
{
    private static readonly AsyncLocal<IActorRef?> s_current = new();

    public static IActorRef? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
