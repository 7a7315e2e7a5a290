namespace AkkaRpc.Remote.Serialization;

/// <summary>The numeric ids messages travel under, and the ranges reserved for each layer.</summary>
/// <remarks>
/// <para>An id is part of the wire contract: once shipped it never changes meaning, and a retired id is never reused.</para>
/// <list type="table">
/// <listheader><term>ids</term><description>owner</description></listheader>
/// <item><term>0</term><description><see cref="Null"/>: a nested message that is null; never registered.</description></item>
/// <item><term>1–99</term><description>the actor kernel (this class): Identify, ActorIdentity, Status, PoisonPill, Kill, primitives.</description></item>
/// <item><term>100–199</term><description>remoting internals (handshake follow-ups, remote death watch, …).</description></item>
/// <item><term>200–299</term><description>the database messages (<c>AkkaRpc.Sqlite.Wire.SqliteWireIds</c>).</description></item>
/// <item><term>300–399</term><description>the benchmark actors.</description></item>
/// <item><term>400–999</term><description>reserved for future AkkaRpc layers.</description></item>
/// <item><term>1000 and up</term><description>applications' own messages.</description></item>
/// </list>
/// <para>Kernel ids:</para>
/// <list type="table">
/// <listheader><term>id</term><description>message: payload</description></listheader>
/// <item><term>1</term><description><c>Identify</c>: MessageId as a nested message.</description></item>
/// <item><term>2</term><description><c>ActorIdentity</c>: MessageId as a nested message, then Subject as an actor reference.</description></item>
/// <item><term>3</term><description><c>Status.Success</c>: Value as a nested message.</description></item>
/// <item><term>4</term><description><c>Status.Failure</c>: the cause as text (type name, message, inner exceptions); read back as <see cref="RemoteException"/>.</description></item>
/// <item><term>5</term><description><c>PoisonPill</c>: empty.</description></item>
/// <item><term>6</term><description><c>Kill</c>: empty.</description></item>
/// <item><term>10</term><description><see cref="string"/>: UTF-8, length-prefixed.</description></item>
/// <item><term>11</term><description><see cref="int"/>: zigzag varint.</description></item>
/// <item><term>12</term><description><see cref="long"/>: zigzag varint.</description></item>
/// <item><term>13</term><description><see cref="double"/>: 8 bytes, little-endian IEEE 754 bits.</description></item>
/// <item><term>14</term><description><see cref="bool"/>: one byte, 0 or 1.</description></item>
/// <item><term>15</term><description><see cref="byte"/> array: length-prefixed bytes.</description></item>
/// </list>
/// <para>A nested message is <c>varuint id</c>, then (unless the id is <see cref="Null"/>) <c>varuint length</c> and that many payload bytes.</para>
/// </remarks>
public static class WireIds
{
    /// <summary>Marks a nested message that is null; no length or payload follows.</summary>
    public const int Null = 0;

    /// <summary>The first id of the kernel's range.</summary>
    public const int KernelFirst = 1;

    /// <summary>The last id of the kernel's range.</summary>
    public const int KernelLast = 99;

    /// <summary>The first id reserved for remoting internals.</summary>
    public const int RemotingFirst = 100;

    /// <summary>The last id reserved for remoting internals.</summary>
    public const int RemotingLast = 199;

    /// <summary>The first id of the database messages.</summary>
    public const int DatabaseFirst = 200;

    /// <summary>The last id of the database messages.</summary>
    public const int DatabaseLast = 299;

    /// <summary>The first id reserved for the benchmark actors.</summary>
    public const int BenchmarkFirst = 300;

    /// <summary>The last id reserved for the benchmark actors.</summary>
    public const int BenchmarkLast = 399;

    /// <summary>The first id applications may use for their own messages.</summary>
    public const int UserFirst = 1000;

    /// <summary><c>Identify</c>.</summary>
    public const int Identify = 1;

    /// <summary><c>ActorIdentity</c>.</summary>
    public const int ActorIdentity = 2;

    /// <summary><c>Status.Success</c>.</summary>
    public const int StatusSuccess = 3;

    /// <summary><c>Status.Failure</c>.</summary>
    public const int StatusFailure = 4;

    /// <summary><c>PoisonPill</c>.</summary>
    public const int PoisonPill = 5;

    /// <summary><c>Kill</c>.</summary>
    public const int Kill = 6;

    /// <summary>A <see cref="string"/> sent as a message.</summary>
    public const int String = 10;

    /// <summary>An <see cref="int"/> sent as a message.</summary>
    public const int Int32 = 11;

    /// <summary>A <see cref="long"/> sent as a message.</summary>
    public const int Int64 = 12;

    /// <summary>A <see cref="double"/> sent as a message.</summary>
    public const int Double = 13;

    /// <summary>A <see cref="bool"/> sent as a message.</summary>
    public const int Boolean = 14;

    /// <summary>A <see cref="byte"/> array sent as a message.</summary>
    public const int Bytes = 15;
}
