namespace AkkaRpc.Services.Tests;

public sealed class ProxySpec
{
    [Fact]
    public async Task A_generated_proxy_calls_the_hosted_service_over_the_transport()
    {
        await using var host = await ServiceHost.StartAsync();
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", host.ClientOptions);

        Assert.Equal("Hello, Ada!", await greeter.HelloAsync("Ada"));
        var greeting = await greeter.GreetAsync(new Person("Ada", 36, null), ["a", "b"], Mood.Cheerful, null, [1, 2, 3], [new Person("Bob", 40, "B")]);
        Assert.Equal("Hi Ada", greeting.Text);
        Assert.Equal(new Person("Ada", 36, null), greeting.To);
        Assert.Equal(["a", "b"], greeting.Tags);
        Assert.Equal(Mood.Cheerful, greeting.Mood);
        Assert.Null(greeting.Times);
        Assert.Equal([1, 2, 3], greeting.Payload);
        Assert.Equal([new Person("Bob", 40, "B")], greeting.Friends);
    }
}
