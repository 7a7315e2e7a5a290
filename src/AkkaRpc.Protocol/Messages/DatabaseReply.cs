namespace AkkaRpc.Protocol;

/// <summary>A message a database owner sends back: a result or a <see cref="DatabaseError"/>.</summary>
public abstract record DatabaseReply;
