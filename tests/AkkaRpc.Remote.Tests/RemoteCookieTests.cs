using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteCookieTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-cookie-");

    private string CookiePath => Path.Combine(_directory.FullName, "nested", "cookie");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task LoadOrCreate_NoFile_CreatesOwnerOnlyFileAndDirectory()
    {
        byte[] cookie = await RemoteCookie.LoadOrCreateAsync(CookiePath);

        Assert.Equal(RemoteCookie.Size, cookie.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CookiePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(CookiePath)!));
        Assert.Equal(Convert.ToBase64String(cookie), File.ReadAllText(CookiePath).Trim());
    }

    [Fact]
    public async Task LoadOrCreate_Existing_ReusesValue()
    {
        byte[] first = await RemoteCookie.LoadOrCreateAsync(CookiePath);

        byte[] second = await RemoteCookie.LoadOrCreateAsync(CookiePath);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task LoadOrCreate_ConcurrentCreators_AllGetOneValue()
    {
        // One gate releases all creators at once, each continuing on its own thread-pool thread.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<byte[]>[] creators = Enumerable.Range(0, 16).Select(async _ =>
        {
            await gate.Task;
            return await RemoteCookie.LoadOrCreateAsync(CookiePath);
        }).ToArray();

        gate.SetResult();
        byte[][] cookies = await Task.WhenAll(creators).WaitAsync(TestTimeouts.Ceiling);

        Assert.Single(cookies.Select(Convert.ToBase64String).Distinct());
        Assert.Equal(cookies[0], await RemoteCookie.LoadOrCreateAsync(CookiePath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(CookiePath)!));
    }

    [Fact]
    public async Task LoadOrCreate_ReadableByOthers_RefusedWithFix()
    {
        await RemoteCookie.LoadOrCreateAsync(CookiePath);
        File.SetUnixFileMode(CookiePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RemoteCookie.LoadOrCreateAsync(CookiePath));

        Assert.Contains("can be accessed by other users (mode 644)", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadOrCreate_NotACookie_RefusedWithFix()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CookiePath)!);
        File.WriteAllText(CookiePath, "not base64 at all");
        File.SetUnixFileMode(CookiePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RemoteCookie.LoadOrCreateAsync(CookiePath));

        Assert.Contains("does not hold a 32-byte base64 cookie", error.Message, StringComparison.Ordinal);
    }
}
