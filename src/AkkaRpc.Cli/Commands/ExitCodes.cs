namespace AkkaRpc.Cli.Commands;

/// <summary>The process exit codes of <c>akkarpc</c>, the same for every command.</summary>
/// <remarks>Ctrl+C ends a command with 130 (128 + SIGINT), set by System.CommandLine's termination handling.</remarks>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command was understood but failed, or was cancelled.</summary>
    public const int Failure = 1;

    /// <summary>The command line could not be understood; nothing was run.</summary>
    public const int Usage = 2;
}
