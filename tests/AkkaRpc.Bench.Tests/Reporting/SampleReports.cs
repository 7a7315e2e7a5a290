using AkkaRpc.Bench.Reporting.Html;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>Reports shaped like a real `akkarpc bench` run: the three charts the suite draws, with plausible figures.</summary>
internal static class SampleReports
{
    public static readonly string[] Systems = ["AkkaRpc TCP", "AkkaRpc Unix", "HTTP/REST", "raw socket (floor)", "in-process SQLite (floor)"];

    public static readonly long[] PayloadSizes = [1024, 4096, 16384, 65536, 262144, 1048576];

    public static ReportDocument Realistic() => new(
        "AkkaRpc benchmark — <run 7> & friends",
        [Latency(), Throughput(), Bandwidth()])
    {
        Subtitle = "akkarpc bench --clients 1,2,4,8,16,32,64,128 --payloads 1KiB..1MiB --output bench-results/",
        RunFacts =
        [
            new ReportFact("Machine", "2 cores, 7.6 GiB"),
            new ReportFact("OS", "Debian 12 (Linux 6.1)"),
            new ReportFact(".NET", "10.0.0"),
            new ReportFact("Duration", "3 min 12 s"),
        ],
        Highlights =
        [
            new ReportHighlight("AkkaRpc TCP · p50 latency", "42 µs", "3.0× raw socket"),
            new ReportHighlight("AkkaRpc TCP · peak throughput", "112,000 req/s", "5.1× HTTP/REST"),
            new ReportHighlight("AkkaRpc Unix · 1 MiB download", "1,480 MB/s"),
        ],
    };

    public static BarChart LatencyChart() => new(
        "Latency percentiles per system",
        Systems,
        [
            new BarSeries("p50", [42, 31, 185, 14, 3.1]),
            new BarSeries("p95", [71, 55, 310, 22, 4.8]),
            new BarSeries("p99", [118, 96, 620, 40, null]),
        ],
        new ChartAxis("Latency", "µs", AxisScale.Log))
    {
        Caption = "Round trip of one point query; lower is better.",
    };

    public static LineChart ThroughputChart()
    {
        double[] clients = [1, 2, 4, 8, 16, 32, 64, 128];
        return new LineChart(
            "Throughput vs concurrent clients",
            new ChartAxis("Clients", "", AxisScale.Log),
            new ChartAxis("Throughput", "req/s"),
            [
                Line("AkkaRpc TCP", clients, [21_000, 38_000, 66_000, 92_000, 105_000, 110_000, 112_000, 111_000]),
                Line("AkkaRpc Unix", clients, [27_000, 47_000, 79_000, 101_000, 114_000, 119_000, 121_000, 120_000]),
                Line("HTTP/REST", clients, [5_200, 9_100, 15_000, 19_000, 21_000, 22_000, 22_000, 21_500]),
                Line("raw socket (floor)", clients, [68_000, 120_000, 190_000, 240_000, 270_000, 285_000, 290_000, 288_000]) with { IsBaseline = true },
            ])
        {
            Caption = "Point queries per second, all clients together; higher is better.",
        };
    }

    public static LineChart BandwidthChart()
    {
        double[] sizes = PayloadSizes.Select(s => (double)s).ToArray();
        return new LineChart(
            "Bandwidth vs payload size",
            new ChartAxis("Payload", "", AxisScale.Log, ValueFormat.Bytes),
            new ChartAxis("Bandwidth", "MB/s"),
            [
                Line("AkkaRpc TCP upload", sizes, [38, 140, 410, 780, 960, 1010]),
                Line("AkkaRpc TCP download", sizes, [41, 150, 450, 850, 1090, 1150]),
                Line("AkkaRpc Unix upload", sizes, [52, 190, 560, 1020, 1280, 1350]),
                Line("AkkaRpc Unix download", sizes, [55, 205, 600, 1100, 1390, 1480]),
                Line("HTTP/REST upload", sizes, [6, 23, 85, 240, 410, 470]),
                Line("HTTP/REST download", sizes, [7, 26, 96, 270, 450, 520]),
            ])
        {
            Caption = "Bytes moved per second by one client; higher is better.",
        };
    }

    private static ReportSection Latency() => new("Latency")
    {
        Notes = ["One client, 10,000 sequential point queries per system after 1,000 warm-up queries."],
        Charts = [LatencyChart()],
        Tables =
        [
            new ReportTable(
                ["System", "p50 (µs)", "p95 (µs)", "p99 (µs)", "vs floor"],
                [
                    ["AkkaRpc TCP", "42", "71", "118", "3.0×"],
                    ["AkkaRpc Unix", "31", "55", "96", "2.2×"],
                    ["HTTP/REST", "185", "310", "620", "13.2×"],
                    ["raw socket (floor)", "14", "22", "40", "1.0×"],
                ])
            {
                Caption = "Latency, exact figures",
            },
        ],
    };

    private static ReportSection Throughput() => new("Concurrency")
    {
        Notes = ["Each client is a load-generating actor with one request in flight."],
        Charts = [ThroughputChart()],
    };

    private static ReportSection Bandwidth() => new("Bandwidth")
    {
        Notes = ["Blobs written (upload) and read back (download) through one connection."],
        Charts = [BandwidthChart()],
    };

    private static LineSeries Line(string name, double[] xs, double[] ys)
        => new(name, xs.Zip(ys, (x, y) => new ChartPoint(x, y)).ToList());
}
