namespace AkkaRpc.Protocol.Serialization;

/// <summary>The fixed wire ids of AkkaRpc's messages: each is a message's Akka serializer manifest and its tag when nested.</summary>
/// <remarks>
/// <para>An id never changes meaning once shipped, and a retired id is never reused. 0 marks a null nested message;
/// 200–299 are the database and node messages (requests 200–229, replies 230–249, errors 250–289; 290–299 spare);
/// 300–399 the benchmark workers'; 1000 and up are free for applications.</para>
/// <list type="table">
/// <listheader><term>id</term><description>message</description></listheader>
/// <item><term>200</term><description><see cref="Protocol.Query"/></description></item>
/// <item><term>201</term><description><see cref="Protocol.Execute"/></description></item>
/// <item><term>202</term><description><see cref="Protocol.Batch"/></description></item>
/// <item><term>203</term><description><see cref="Protocol.Begin"/></description></item>
/// <item><term>204</term><description><see cref="Protocol.Commit"/></description></item>
/// <item><term>205</term><description><see cref="Protocol.Rollback"/></description></item>
/// <item><term>206</term><description><see cref="Protocol.Fetch"/></description></item>
/// <item><term>207</term><description><see cref="Protocol.CloseCursor"/></description></item>
/// <item><term>208</term><description><see cref="Protocol.Ping"/></description></item>
/// <item><term>209</term><description><see cref="Protocol.TargetDatabase"/></description></item>
/// <item><term>210</term><description><see cref="Protocol.Transactional"/></description></item>
/// <item><term>211</term><description><see cref="Protocol.Resolve"/> (sent to <c>/user/databases</c>)</description></item>
/// <item><term>212</term><description><see cref="Protocol.GetNodeStatus"/> (sent to <c>/user/node</c>)</description></item>
/// <item><term>213</term><description><see cref="Protocol.StopNode"/> (sent to <c>/user/node</c>)</description></item>
/// <item><term>214</term><description><see cref="Protocol.LocateOwner"/> (sent to <c>/user/databases</c>)</description></item>
/// <item><term>230</term><description><see cref="Protocol.QueryResult"/></description></item>
/// <item><term>231</term><description><see cref="Protocol.ExecuteResult"/></description></item>
/// <item><term>232</term><description><see cref="Protocol.BatchResult"/></description></item>
/// <item><term>233</term><description><see cref="Protocol.TransactionStarted"/></description></item>
/// <item><term>234</term><description><see cref="Protocol.TransactionEnded"/></description></item>
/// <item><term>235</term><description><see cref="Protocol.CursorClosed"/></description></item>
/// <item><term>236</term><description><see cref="Protocol.Pong"/></description></item>
/// <item><term>237</term><description><see cref="Protocol.TargetDatabaseInfo"/></description></item>
/// <item><term>238</term><description><see cref="Protocol.Resolved"/></description></item>
/// <item><term>239</term><description><see cref="Protocol.NodeStatus"/></description></item>
/// <item><term>240</term><description><see cref="Protocol.NodeStopping"/></description></item>
/// <item><term>250</term><description><see cref="Protocol.SqlError"/></description></item>
/// <item><term>251</term><description><see cref="Protocol.Busy"/></description></item>
/// <item><term>252</term><description><see cref="Protocol.BatchFailed"/></description></item>
/// <item><term>253</term><description><see cref="Protocol.CursorNotFound"/></description></item>
/// <item><term>254</term><description><see cref="Protocol.DatabaseNotFound"/></description></item>
/// <item><term>255</term><description><see cref="Protocol.DatabaseUnavailable"/></description></item>
/// <item><term>256</term><description><see cref="Protocol.InvalidDatabaseName"/></description></item>
/// <item><term>257</term><description><see cref="Protocol.LimitExceeded"/></description></item>
/// <item><term>258</term><description><see cref="Protocol.StatementRefused"/></description></item>
/// <item><term>259</term><description><see cref="Protocol.TransactionInProgress"/></description></item>
/// <item><term>260</term><description><see cref="Protocol.TransactionLeaseExpired"/></description></item>
/// <item><term>261</term><description><see cref="Protocol.TransactionNotFound"/></description></item>
/// <item><term>262</term><description><see cref="Protocol.Overloaded"/></description></item>
/// <item><term>263</term><description><see cref="Protocol.LeaseOutOfRange"/></description></item>
/// <item><term>264</term><description><see cref="Protocol.OwnerStopped"/></description></item>
/// <item><term>265</term><description><see cref="Protocol.StatementTimedOut"/></description></item>
/// <item><term>266</term><description><see cref="Protocol.OwnerLost"/></description></item>
/// </list>
/// <para>
/// <see cref="Protocol.SqlValue"/>, <see cref="Protocol.SqlParameters"/>, <see cref="Protocol.Statement"/>,
/// <see cref="Protocol.ColumnInfo"/> and <see cref="Protocol.DatabaseStatus"/> are parts of messages, written inline, and have no ids. A field typed
/// as an abstract message (<see cref="Protocol.DatabaseError"/>, <see cref="Protocol.DatabaseRequest"/>) is a
/// nested message: its concrete id and its payload.
/// </para>
/// </remarks>
public static class WireIds
{
    /// <summary>Marks a nested message that is null; no length or payload follows.</summary>
    public const int Null = 0;

    /// <summary><see cref="Protocol.Query"/>.</summary>
    public const int Query = 200;

    /// <summary><see cref="Protocol.Execute"/>.</summary>
    public const int Execute = 201;

    /// <summary><see cref="Protocol.Batch"/>.</summary>
    public const int Batch = 202;

    /// <summary><see cref="Protocol.Begin"/>.</summary>
    public const int Begin = 203;

    /// <summary><see cref="Protocol.Commit"/>.</summary>
    public const int Commit = 204;

    /// <summary><see cref="Protocol.Rollback"/>.</summary>
    public const int Rollback = 205;

    /// <summary><see cref="Protocol.Fetch"/>.</summary>
    public const int Fetch = 206;

    /// <summary><see cref="Protocol.CloseCursor"/>.</summary>
    public const int CloseCursor = 207;

    /// <summary><see cref="Protocol.Ping"/>.</summary>
    public const int Ping = 208;

    /// <summary><see cref="Protocol.TargetDatabase"/>.</summary>
    public const int TargetDatabase = 209;

    /// <summary><see cref="Protocol.Transactional"/>.</summary>
    public const int Transactional = 210;

    /// <summary><see cref="Protocol.Resolve"/>.</summary>
    public const int Resolve = 211;

    /// <summary><see cref="Protocol.GetNodeStatus"/>.</summary>
    public const int GetNodeStatus = 212;

    /// <summary><see cref="Protocol.StopNode"/>.</summary>
    public const int StopNode = 213;

    /// <summary><see cref="Protocol.LocateOwner"/>.</summary>
    public const int LocateOwner = 214;

    /// <summary><see cref="Protocol.QueryResult"/>.</summary>
    public const int QueryResult = 230;

    /// <summary><see cref="Protocol.ExecuteResult"/>.</summary>
    public const int ExecuteResult = 231;

    /// <summary><see cref="Protocol.BatchResult"/>.</summary>
    public const int BatchResult = 232;

    /// <summary><see cref="Protocol.TransactionStarted"/>.</summary>
    public const int TransactionStarted = 233;

    /// <summary><see cref="Protocol.TransactionEnded"/>.</summary>
    public const int TransactionEnded = 234;

    /// <summary><see cref="Protocol.CursorClosed"/>.</summary>
    public const int CursorClosed = 235;

    /// <summary><see cref="Protocol.Pong"/>.</summary>
    public const int Pong = 236;

    /// <summary><see cref="Protocol.TargetDatabaseInfo"/>.</summary>
    public const int TargetDatabaseInfo = 237;

    /// <summary><see cref="Protocol.Resolved"/>.</summary>
    public const int Resolved = 238;

    /// <summary><see cref="Protocol.NodeStatus"/>.</summary>
    public const int NodeStatus = 239;

    /// <summary><see cref="Protocol.NodeStopping"/>.</summary>
    public const int NodeStopping = 240;

    /// <summary><see cref="Protocol.SqlError"/>.</summary>
    public const int SqlError = 250;

    /// <summary><see cref="Protocol.Busy"/>.</summary>
    public const int Busy = 251;

    /// <summary><see cref="Protocol.BatchFailed"/>.</summary>
    public const int BatchFailed = 252;

    /// <summary><see cref="Protocol.CursorNotFound"/>.</summary>
    public const int CursorNotFound = 253;

    /// <summary><see cref="Protocol.DatabaseNotFound"/>.</summary>
    public const int DatabaseNotFound = 254;

    /// <summary><see cref="Protocol.DatabaseUnavailable"/>.</summary>
    public const int DatabaseUnavailable = 255;

    /// <summary><see cref="Protocol.InvalidDatabaseName"/>.</summary>
    public const int InvalidDatabaseName = 256;

    /// <summary><see cref="Protocol.LimitExceeded"/>.</summary>
    public const int LimitExceeded = 257;

    /// <summary><see cref="Protocol.StatementRefused"/>.</summary>
    public const int StatementRefused = 258;

    /// <summary><see cref="Protocol.TransactionInProgress"/>.</summary>
    public const int TransactionInProgress = 259;

    /// <summary><see cref="Protocol.TransactionLeaseExpired"/>.</summary>
    public const int TransactionLeaseExpired = 260;

    /// <summary><see cref="Protocol.TransactionNotFound"/>.</summary>
    public const int TransactionNotFound = 261;

    /// <summary><see cref="Protocol.Overloaded"/>.</summary>
    public const int Overloaded = 262;

    /// <summary><see cref="Protocol.LeaseOutOfRange"/>.</summary>
    public const int LeaseOutOfRange = 263;

    /// <summary><see cref="Protocol.OwnerStopped"/>.</summary>
    public const int OwnerStopped = 264;

    /// <summary><see cref="Protocol.StatementTimedOut"/>.</summary>
    public const int StatementTimedOut = 265;

    /// <summary><see cref="Protocol.OwnerLost"/>.</summary>
    public const int OwnerLost = 266;
}
