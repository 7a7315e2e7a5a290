using System.CommandLine;
using AkkaRpc.Docker.AckWriter;

return await AckWriterCommand.Create().Parse(args).InvokeAsync();
