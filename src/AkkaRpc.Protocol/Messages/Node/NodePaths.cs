namespace AkkaRpc.Protocol;

/// <summary>Where a node's well-known actors live, so clients can address them as <c>{address}{path}</c>.</summary>
public static class NodePaths
{
    /// <summary>The databases' supervisor's name under <c>/user</c>.</summary>
    public const string DatabasesName = "databases";

    /// <summary>The node admin actor's name under <c>/user</c>.</summary>
    public const string AdminName = "node";

    /// <summary>The node admin actor, answering <see cref="GetNodeStatus"/> and <see cref="StopNode"/>.</summary>
    public const string Admin = "/user/" + AdminName;

    /// <summary>The databases' supervisor, answering <see cref="Resolve"/>.</summary>
    public const string Databases = "/user/" + DatabasesName;
}
