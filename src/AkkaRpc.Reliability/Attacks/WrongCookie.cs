using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>A client holding another cookie: the handshake must refuse it with a message that says so.</summary>
internal sealed class WrongCookie : Attack
{
    public override string Name => "wrong cookie";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var otherCookie = Path.Combine(context.Sandbox.RuntimeDirectory, "other-cookie");
        await File.WriteAllTextAsync(otherCookie, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(otherCookie, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a cookie others can read is refused
        }
        var options = context.ClientOptions();
        options.CookiePath = otherCookie;
        var outcome = await context.FreshClientAsync("cookie", cancellationToken, options).ConfigureAwait(false);
        return new AttackObservation("client with another cookie: " + outcome);
    }
}
