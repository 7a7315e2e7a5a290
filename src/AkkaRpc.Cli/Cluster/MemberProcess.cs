using System.Globalization;
using System.Runtime.InteropServices;

namespace AkkaRpc.Cli.Cluster;

/// <summary>
/// A recorded member's process, by pid: whether it still runs, and signals to it. Members outlive the command that
/// started them, so they are no child of the command that stops them and <see cref="System.Diagnostics.Process"/>
/// cannot wait for them; a pid is checked against its command line so a reused pid is never signalled.
/// </summary>
internal static partial class MemberProcess
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Whether <paramref name="pid"/> is a live <c>akkarpc serve</c> (a zombie or another program is not).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ...": Z is a zombie, X dead.
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X")
            {
                return false;
            }

            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0');
            return commandLine.Contains("serve");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM: the member leaves, drains and closes its databases, then exits.</summary>
    public static bool Terminate(int pid) => IsRunning(pid) && Kill(pid, SigTerm) == 0;

    /// <summary>SIGKILL: the member dies at once.</summary>
    public static bool KillHard(int pid) => IsRunning(pid) && Kill(pid, SigKill) == 0;

    /// <summary>Waits until <paramref name="pid"/> no longer runs; false if it still does after <paramref name="ceiling"/>.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan ceiling, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (waited.Elapsed >= ceiling)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the project for this one blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
