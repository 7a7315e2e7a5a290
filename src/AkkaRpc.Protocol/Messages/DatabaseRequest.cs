namespace AkkaRpc.Protocol;

/// <summary>A message a client sends to a database owner.</summary>
public abstract record DatabaseRequest;
