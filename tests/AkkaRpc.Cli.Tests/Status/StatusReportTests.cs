using System.Text.Json;
using AkkaRpc.Cli.Status;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Tests.Status;

/// <summary>What <c>akkarpc status</c> makes of the nodes' answers: one view per node, members once, dead recorded members shown.</summary>
public sealed class StatusReportTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASingleNode_IsItsOwnOnlyMember_WithItsDatabases()
    {
        var node = Node(4053, 11, ("orders", 3));

        var view = Assert.Single(StatusReport.Build([node], [], NoneRuns));

        var member = Assert.Single(view.Members);
        Assert.Equal(("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053", 11, "Up"), (member.Address, member.Pid, member.Status));
        Assert.Equal(new DatabaseView("orders", "open", 3, null), Assert.Single(member.Databases));
    }

    [Fact]
    public void TheRecordedMembers_AreShownOnce_WithTheirOwnDatabases_AndThoseThatDidNotAnswer_AsUnreachableOrGone()
    {
        (string, int)[] recorded = [(Address(4053), 11), (Address(4054), 12), (Address(4055), 13), (Address(4056), 14)];
        var answered = new[] { Node(4054, 12, ("sales", 1)), Node(4053, 11, ("orders", 0)) };

        var view = Assert.Single(StatusReport.Build(answered, recorded, pid => pid == 13));

        Assert.Equal(12, view.Pid); // seen through the first member that answered
        Assert.Equal(
            [(Address(4053), 11, "Up", "orders"), (Address(4054), 12, "Up", "sales"), (Address(4055), 13, "Unreachable", ""), (Address(4056), 14, "Gone", "")],
            view.Members.Select(m => (m.Address, m.Pid!.Value, m.Status, string.Join(",", m.Databases.Select(d => d.Name)))));
    }

    [Fact]
    public void TheClustersOwnView_GivesEachRecordedMembersStatusAndRoles()
    {
        var node = Node(4053, 11, ("orders", 0)) with
        {
            Members = [new ClusterMemberStatus(Address(4053), 11, "Up", ["db"], []), new ClusterMemberStatus(Address(4054), 0, "Unreachable", ["db"], [])],
        };

        var view = Assert.Single(StatusReport.Build([node], [(Address(4053), 11), (Address(4054), 12)], pid => pid == 12));

        Assert.Equal([("Up", "db", 11), ("Unreachable", "db", 12)], view.Members.Select(m => (m.Status, string.Join(",", m.Roles), m.Pid!.Value)));
        Assert.Equal("orders", Assert.Single(view.Members[0].Databases).Name);
    }

    [Fact]
    public void ANodeOutsideTheRecordedCluster_IsShownOnItsOwn()
    {
        var views = StatusReport.Build([Node(5000, 20), Node(4053, 11)], [(Address(4053), 11), (Address(4054), 12)], NoneRuns);

        Assert.Equal([1, 2], views.Select(v => v.Members.Count));
        Assert.Equal(20, views[0].Members.Single().Pid);
    }

    [Fact]
    public void Json_IsSnakeCase_WithMembers_AndKeepsTheSingleNodeFields()
    {
        var view = Assert.Single(StatusReport.Build([Node(4053, 11, ("orders", 2))], [], NoneRuns));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, StatusJsonContext.Default.NodeView));
        var root = json.RootElement;

        Assert.Equal("AkkaRpc", root.GetProperty("system").GetString());
        Assert.Equal(11, root.GetProperty("pid").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("idle_shutdown_seconds").ValueKind);
        Assert.Equal(2, root.GetProperty("databases")[0].GetProperty("queued").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("databases")[0].GetProperty("last_failure").ValueKind);
        var member = root.GetProperty("members")[0];
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, member.GetProperty("roles").ValueKind);
        Assert.Equal("orders", member.GetProperty("databases")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Text_ForASingleNode_ListsItsDatabases_WithoutAMembersTable()
    {
        var view = Assert.Single(StatusReport.Build([Node(4053, 11, ("orders", 2))], [], NoneRuns));
        using var output = new StringWriter();

        await StatusText.WriteAsync(view, output, Started.AddSeconds(5));

        Assert.Equal(
            [
                "node AkkaRpc, pid 11, up 5s, 1 connection(s), idle shutdown off",
                "  listening at akka.rpc.tcp://AkkaRpc@127.0.0.1:4053",
                "  database  state        queued",
                "  orders    open              2",
            ],
            output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    private static bool NoneRuns(int pid) => false;

    private static string Address(int port) => $"akka.rpc.tcp://AkkaRpc@127.0.0.1:{port}";

    private static NodeStatus Node(int port, int pid, params (string Name, int Queued)[] databases) => new(
        "AkkaRpc",
        pid,
        [Address(port)],
        Started,
        1,
        null,
        [.. databases.Select(d => new DatabaseStatus(d.Name, DatabaseState.Open, d.Queued, null))]);
}
