namespace AkkaRpc.Services;

/// <summary>The service threw: the exception's type name, message and stack, and its index among the interface's declared exceptions (-1 for none).</summary>
public sealed record ServiceFailed(string TypeName, string Message, string? RemoteStackTrace, int DeclaredIndex) : ServiceReply;
