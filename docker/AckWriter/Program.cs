using System.CommandLine;
using AkkaRpc.Docker.AckWriter;

// SIGTERM (docker stop) ends the writers like their time running out; the wait covers an insert still in flight (at
// most its request timeout) so that its outcome is logged before the process exits.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
return await AckWriterCommand.Create().Parse(args).InvokeAsync(invocation);
