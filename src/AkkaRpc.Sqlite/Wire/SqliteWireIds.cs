namespace AkkaRpc.Sqlite.Wire;

/// <summary>The fixed wire ids of the database messages, in the range 200–299 that <c>WireIds</c> reserves for them.</summary>
/// <remarks>
/// <para>An id never changes meaning once shipped, and a retired id is never reused. Requests are 200–229,
/// replies 230–249, errors 250–289; 290–299 are spare.</para>
/// <list type="table">
/// <listheader><term>id</term><description>message</description></listheader>
/// <item><term>200</term><description><see cref="Sqlite.Query"/></description></item>
/// <item><term>201</term><description><see cref="Sqlite.Execute"/></description></item>
/// <item><term>202</term><description><see cref="Sqlite.Batch"/></description></item>
/// <item><term>203</term><description><see cref="Sqlite.Begin"/></description></item>
/// <item><term>204</term><description><see cref="Sqlite.Commit"/></description></item>
/// <item><term>205</term><description><see cref="Sqlite.Rollback"/></description></item>
/// <item><term>206</term><description><see cref="Sqlite.Fetch"/></description></item>
/// <item><term>207</term><description><see cref="Sqlite.CloseCursor"/></description></item>
/// <item><term>208</term><description><see cref="Sqlite.Ping"/></description></item>
/// <item><term>209</term><description><see cref="Sqlite.TargetDatabase"/></description></item>
/// <item><term>210</term><description><see cref="Sqlite.Transactional"/></description></item>
/// <item><term>211</term><description><see cref="Sqlite.Resolve"/> (sent to <c>/user/databases</c>)</description></item>
/// <item><term>212</term><description><see cref="Sqlite.GetNodeStatus"/> (sent to <c>/user/node</c>)</description></item>
/// <item><term>213</term><description><see cref="Sqlite.StopNode"/> (sent to <c>/user/node</c>)</description></item>
/// <item><term>230</term><description><see cref="Sqlite.QueryResult"/></description></item>
/// <item><term>231</term><description><see cref="Sqlite.ExecuteResult"/></description></item>
/// <item><term>232</term><description><see cref="Sqlite.BatchResult"/></description></item>
/// <item><term>233</term><description><see cref="Sqlite.TransactionStarted"/></description></item>
/// <item><term>234</term><description><see cref="Sqlite.TransactionEnded"/></description></item>
/// <item><term>235</term><description><see cref="Sqlite.CursorClosed"/></description></item>
/// <item><term>236</term><description><see cref="Sqlite.Pong"/></description></item>
/// <item><term>237</term><description><see cref="Sqlite.TargetDatabaseInfo"/></description></item>
/// <item><term>238</term><description><see cref="Sqlite.Resolved"/></description></item>
/// <item><term>239</term><description><see cref="Sqlite.NodeStatus"/></description></item>
/// <item><term>240</term><description><see cref="Sqlite.NodeStopping"/></description></item>
/// <item><term>250</term><description><see cref="Sqlite.SqlError"/></description></item>
/// <item><term>251</term><description><see cref="Sqlite.Busy"/></description></item>
/// <item><term>252</term><description><see cref="Sqlite.BatchFailed"/></description></item>
/// <item><term>253</term><description><see cref="Sqlite.CursorNotFound"/></description></item>
/// <item><term>254</term><description><see cref="Sqlite.DatabaseNotFound"/></description></item>
/// <item><term>255</term><description><see cref="Sqlite.DatabaseUnavailable"/></description></item>
/// <item><term>256</term><description><see cref="Sqlite.InvalidDatabaseName"/></description></item>
/// <item><term>257</term><description><see cref="Sqlite.LimitExceeded"/></description></item>
/// <item><term>258</term><description><see cref="Sqlite.StatementRefused"/></description></item>
/// <item><term>259</term><description><see cref="Sqlite.TransactionInProgress"/></description></item>
/// <item><term>260</term><description><see cref="Sqlite.TransactionLeaseExpired"/></description></item>
/// <item><term>261</term><description><see cref="Sqlite.TransactionNotFound"/></description></item>
/// <item><term>262</term><description><see cref="Sqlite.Overloaded"/></description></item>
/// <item><term>263</term><description><see cref="Sqlite.LeaseOutOfRange"/></description></item>
/// </list>
/// <para>
/// <see cref="Sqlite.SqlValue"/>, <see cref="Sqlite.SqlParameters"/>, <see cref="Sqlite.Statement"/>,
/// <see cref="Sqlite.ColumnInfo"/> and <see cref="Sqlite.DatabaseStatus"/> are parts of messages, written inline, and have no ids. A field typed
/// as an abstract message (<see cref="Sqlite.DatabaseError"/>, <see cref="Sqlite.DatabaseRequest"/>) is a
/// nested message: its concrete id and its payload.
/// </para>
/// </remarks>
public static class SqliteWireIds
{
    /// <summary><see cref="Sqlite.Query"/>.</summary>
    public const int Query = 200;

    /// <summary><see cref="Sqlite.Execute"/>.</summary>
    public const int Execute = 201;

    /// <summary><see cref="Sqlite.Batch"/>.</summary>
    public const int Batch = 202;

    /// <summary><see cref="Sqlite.Begin"/>.</summary>
    public const int Begin = 203;

    /// <summary><see cref="Sqlite.Commit"/>.</summary>
    public const int Commit = 204;

    /// <summary><see cref="Sqlite.Rollback"/>.</summary>
    public const int Rollback = 205;

    /// <summary><see cref="Sqlite.Fetch"/>.</summary>
    public const int Fetch = 206;

    /// <summary><see cref="Sqlite.CloseCursor"/>.</summary>
    public const int CloseCursor = 207;

    /// <summary><see cref="Sqlite.Ping"/>.</summary>
    public const int Ping = 208;

    /// <summary><see cref="Sqlite.TargetDatabase"/>.</summary>
    public const int TargetDatabase = 209;

    /// <summary><see cref="Sqlite.Transactional"/>.</summary>
    public const int Transactional = 210;

    /// <summary><see cref="Sqlite.Resolve"/>.</summary>
    public const int Resolve = 211;

    /// <summary><see cref="Sqlite.GetNodeStatus"/>.</summary>
    public const int GetNodeStatus = 212;

    /// <summary><see cref="Sqlite.StopNode"/>.</summary>
    public const int StopNode = 213;

    /// <summary><see cref="Sqlite.QueryResult"/>.</summary>
    public const int QueryResult = 230;

    /// <summary><see cref="Sqlite.ExecuteResult"/>.</summary>
    public const int ExecuteResult = 231;

    /// <summary><see cref="Sqlite.BatchResult"/>.</summary>
    public const int BatchResult = 232;

    /// <summary><see cref="Sqlite.TransactionStarted"/>.</summary>
    public const int TransactionStarted = 233;

    /// <summary><see cref="Sqlite.TransactionEnded"/>.</summary>
    public const int TransactionEnded = 234;

    /// <summary><see cref="Sqlite.CursorClosed"/>.</summary>
    public const int CursorClosed = 235;

    /// <summary><see cref="Sqlite.Pong"/>.</summary>
    public const int Pong = 236;

    /// <summary><see cref="Sqlite.TargetDatabaseInfo"/>.</summary>
    public const int TargetDatabaseInfo = 237;

    /// <summary><see cref="Sqlite.Resolved"/>.</summary>
    public const int Resolved = 238;

    /// <summary><see cref="Sqlite.NodeStatus"/>.</summary>
    public const int NodeStatus = 239;

    /// <summary><see cref="Sqlite.NodeStopping"/>.</summary>
    public const int NodeStopping = 240;

    /// <summary><see cref="Sqlite.SqlError"/>.</summary>
    public const int SqlError = 250;

    /// <summary><see cref="Sqlite.Busy"/>.</summary>
    public const int Busy = 251;

    /// <summary><see cref="Sqlite.BatchFailed"/>.</summary>
    public const int BatchFailed = 252;

    /// <summary><see cref="Sqlite.CursorNotFound"/>.</summary>
    public const int CursorNotFound = 253;

    /// <summary><see cref="Sqlite.DatabaseNotFound"/>.</summary>
    public const int DatabaseNotFound = 254;

    /// <summary><see cref="Sqlite.DatabaseUnavailable"/>.</summary>
    public const int DatabaseUnavailable = 255;

    /// <summary><see cref="Sqlite.InvalidDatabaseName"/>.</summary>
    public const int InvalidDatabaseName = 256;

    /// <summary><see cref="Sqlite.LimitExceeded"/>.</summary>
    public const int LimitExceeded = 257;

    /// <summary><see cref="Sqlite.StatementRefused"/>.</summary>
    public const int StatementRefused = 258;

    /// <summary><see cref="Sqlite.TransactionInProgress"/>.</summary>
    public const int TransactionInProgress = 259;

    /// <summary><see cref="Sqlite.TransactionLeaseExpired"/>.</summary>
    public const int TransactionLeaseExpired = 260;

    /// <summary><see cref="Sqlite.TransactionNotFound"/>.</summary>
    public const int TransactionNotFound = 261;

    /// <summary><see cref="Sqlite.Overloaded"/>.</summary>
    public const int Overloaded = 262;

    /// <summary><see cref="Sqlite.LeaseOutOfRange"/>.</summary>
    public const int LeaseOutOfRange = 263;
}
