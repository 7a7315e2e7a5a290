using System.Globalization;
using Akka.Configuration;
using Xunit.Abstractions;

namespace AkkaRpc.Testing;

/// <summary>
/// Akka.TestKit for xunit with our one time factor as <c>akka.test.timefactor</c>, so every <c>ExpectMsg</c>,
/// <c>Within</c> and <c>AwaitAssert</c> ceiling stretches on a slow machine; <paramref name="config"/> comes first.
/// </summary>
public abstract class AkkaRpcTestKit(Config? config = null, ITestOutputHelper? output = null)
    : Akka.TestKit.Xunit2.TestKit(WithTimeFactor(config), output: output)
{
    /// <summary>The time factor as HOCON, for systems a test starts besides the TestKit's own.</summary>
    public static Config TimeFactorConfig { get; } = ConfigurationFactory.ParseString(
        "akka.test.timefactor = " + TestTime.Factor.ToString(CultureInfo.InvariantCulture));

    private static Config WithTimeFactor(Config? config) => config is null ? TimeFactorConfig : config.WithFallback(TimeFactorConfig);
}
