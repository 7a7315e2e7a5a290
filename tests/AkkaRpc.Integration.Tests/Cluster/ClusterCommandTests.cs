using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace AkkaRpc.Integration.Tests.Cluster;

/// <summary><c>akkarpc cluster start|stop</c> and <c>akkarpc status</c> against real member processes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_FormsThreeMembers_StatusListsThem_AClientFindsOneWithoutFlags_EvenAfterOneDied_AndStopStopsTheRest()
    {
        await using var cluster = await LocalCluster.StartAsync(new ClientSandbox(), 3);
        output.WriteLine($"akkarpc cluster start --nodes 3 took {cluster.StartTime.TotalMilliseconds:0} ms:{Environment.NewLine}{cluster.StartOutput}");
        var members = cluster.Members();
        Assert.Equal(3, members.Count);
        Assert.All(members, m => Assert.True(LocalCluster.IsRunning(m.Pid), $"{m.Address} (pid {m.Pid}) does not run"));
        Assert.Equal(members.Select(m => m.Pid).Order(), cluster.ServePids().Order());

        var (code, _, error) = await cluster.AkkarpcAsync("query", "orders", "CREATE TABLE items(id INTEGER PRIMARY KEY, v TEXT)", "--no-spawn");
        Assert.True(code == 0, error);

        var (statusCode, json, statusError) = await cluster.AkkarpcAsync("status", "--json");
        Assert.True(statusCode == 0, statusError);
        output.WriteLine("akkarpc status --json:" + Environment.NewLine + json);
        using (var status = JsonDocument.Parse(Assert.Single(json.Split('\n', StringSplitOptions.RemoveEmptyEntries))))
        {
            var listed = status.RootElement.GetProperty("members").EnumerateArray().ToList();
            Assert.Equal(members.Select(m => m.Address).Order(), listed.Select(m => m.GetProperty("address").GetString()!).Order());
            Assert.All(listed, m => Assert.Equal("Up", m.GetProperty("status").GetString()));
            Assert.Equal(members.Select(m => m.Pid).Order(), listed.Select(m => m.GetProperty("pid").GetInt32()).Order());
            var owner = Assert.Single(listed, m => m.GetProperty("databases").EnumerateArray().Any(d => d.GetProperty("name").GetString() == "orders"));
            Assert.Equal(0, owner.GetProperty("databases").EnumerateArray().Single().GetProperty("queued").GetInt32());
        }

        var (_, text, _) = await cluster.AkkarpcAsync("status");
        output.WriteLine("akkarpc status:" + Environment.NewLine + text);
        Assert.Equal(3, text.Split('\n').Count(l => l.Contains(" Up ", StringComparison.Ordinal)));

        // Any one member dies: a client started afterwards still finds a live one, with no flags and no spawn.
        var victim = members[0];
        LocalCluster.Signal(victim.Pid, "KILL");
        Assert.True(await LocalCluster.WaitForExitAsync(victim.Pid, ClientSandbox.Ceiling));
        var (afterCode, inserted, afterError) = await cluster.AkkarpcAsync("query", "orders", "INSERT INTO items(v) VALUES ('after') RETURNING v", "--no-spawn", "--json");
        Assert.True(afterCode == 0, afterError);
        Assert.Equal("{\"v\":\"after\"}", inserted.Trim());

        var (stopCode, stopped, stopError) = await cluster.AkkarpcAsync("cluster", "stop");
        output.WriteLine("akkarpc cluster stop:" + Environment.NewLine + stopped);
        Assert.True(stopCode == 0, stopError + stopped);
        Assert.Contains($"{victim.Address} (pid {victim.Pid}) was not running.", stopped, StringComparison.Ordinal);
        foreach (var member in members.Skip(1))
        {
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(member.Address)} \(pid {member.Pid}\) stopped in [0-9.]+ s\.", stopped);
        }

        Assert.Empty(cluster.ServePids());
        Assert.False(File.Exists(cluster.ClusterFile));
    }

    [Fact]
    public async Task Start_WhenOneMemberCannotBind_FailsNamingItWithItsLogTail_StopsTheOthers_AndAStartOnFreePortsThenWorks()
    {
        var sandbox = new ClientSandbox();
        var started = false;
        try
        {
            // The second member's port is taken by something that is not a member.
            var first = LocalCluster.FreePortRange(3);
            var taken = first + 1;
            var stranger = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, taken);
            stranger.Start();
            try
            {
                var (code, stdout, error) = await LocalCluster.RunStartAsync(sandbox, "--nodes", "3", "--port", first.ToString(CultureInfo.InvariantCulture));
                output.WriteLine(error);

                Assert.Equal(1, code);
                Assert.Empty(stdout);
                Assert.Contains($"member akka.rpc.tcp://AkkaRpc@127.0.0.1:{taken} (pid ", error, StringComparison.Ordinal);
                Assert.Contains("every member was stopped", error, StringComparison.Ordinal);
                Assert.Contains($"member-{taken}.log", error, StringComparison.Ordinal);
                Assert.Contains(taken.ToString(CultureInfo.InvariantCulture), error.Split("ends with:")[1], StringComparison.Ordinal); // the tail says which port
                Assert.False(File.Exists(Path.Combine(sandbox.RuntimeDirectory, "cluster.json")));
                Assert.Empty(LocalCluster.ServePidsOf(sandbox));
            }
            finally
            {
                stranger.Stop();
            }

            started = true;
            await using var cluster = await LocalCluster.StartAsync(sandbox, 2);
            Assert.Equal(2, cluster.Members().Count);
        }
        finally
        {
            if (!started)
            {
                await LocalCluster.CleanUpAsync(sandbox);
            }
        }
    }
}
