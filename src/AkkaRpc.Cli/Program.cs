using AkkaRpc.Cli.Commands;

return await CliApplication.RunAsync(args, Console.Out, Console.Error);
