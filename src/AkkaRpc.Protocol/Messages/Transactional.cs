namespace AkkaRpc.Protocol;

/// <summary>
/// A request that belongs to an open interactive transaction. While a transaction is open, its owner runs only
/// requests wrapped with its id; everyone else's requests wait (stashed) until it ends.
/// </summary>
/// <param name="TransactionId">The id from <see cref="TransactionStarted"/>.</param>
/// <param name="Request">The request to run inside the transaction.</param>
public sealed record Transactional(long TransactionId, DatabaseRequest Request) : DatabaseRequest;
