using Xunit.Sdk;

namespace AkkaRpc.TestKit;

/// <summary>A TestKit expectation failed: what was expected, what arrived instead, and how long it waited.</summary>
public sealed class TestKitAssertionException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it (e.g. the last failed assertion of <c>AwaitAssert</c>).</summary>
    public TestKitAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
