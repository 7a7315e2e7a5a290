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

        var view = Assert.Single(StatusReport.Build([node], []));

        var member = Assert.Single(view.Members);
        Assert.Equal(("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053", 11, "Up"), (member.Address, member.Pid, member.Status));
        Assert.Equal(new DatabaseView("orders", "open", 3, null), Assert.Single(member.Databases));
    }

    [Fact]
    public void ARecordedMemberThatNoNodeLists_IsShownAsGone_WithItsPid()
    {
        var node = Node(4053, 11);

        var view = Assert.Single(StatusReport.Build([node], [("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053", 11), ("akka.rpc.tcp://AkkaRpc@127.0.0.1:4054", 12)]));

        Assert.Equal(["Up", StatusReport.Gone], view.Members.Select(m => m.Status));
        Assert.Equal(12, view.Members[1].Pid);
    }

    [Fact]
    public void RecordedMembers_DoNotAttachToANodeOutsideThatCluster()
    {
        var view = Assert.Single(StatusReport.Build([Node(5000, 11)], [("akka.rpc.tcp://AkkaRpc@127.0.0.1:4054", 12)]));

        Assert.Single(view.Members);
    }

    [Fact]
    public void Json_IsSnakeCase_WithMembers_AndKeepsTheSingleNodeFields()
    {
        var view = Assert.Single(StatusReport.Build([Node(4053, 11, ("orders", 2))], []));

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
        var view = Assert.Single(StatusReport.Build([Node(4053, 11, ("orders", 2))], []));
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

    private static NodeStatus Node(int port, int pid, params (string Name, int Queued)[] databases) => new(
        "AkkaRpc",
        pid,
        [$"akka.rpc.tcp://AkkaRpc@127.0.0.1:{port}"],
        Started,
        1,
        null,
        [.. databases.Select(d => new DatabaseStatus(d.Name, DatabaseState.Open, d.Queued, null))]);
}
