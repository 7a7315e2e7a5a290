using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config;

/// <summary>Provides configuration keys from a HOCON file or string; see <see cref="HoconFlattener"/> for the key shape.</summary>
/// <remarks>
/// This is not a <c>FileConfigurationProvider</c> on purpose: includes are resolved against the real
/// directory of the including file, and a reload must watch every included file too, which an
/// <c>IFileProvider</c> stream does not give.
/// </remarks>
public sealed class HoconConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly HoconConfigurationSource _source;
    private readonly Lock _watchLock = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private HashSet<string> _watchedFiles = new(StringComparer.Ordinal);
    private ITimer? _reloadTimer;
    private bool _disposed;

    /// <summary>Creates a provider for the source.</summary>
    /// <param name="source">The file or text to read.</param>
    /// <exception cref="ArgumentException">The source has neither or both of a path and content.</exception>
    public HoconConfigurationProvider(HoconConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if ((source.Path is null) == (source.Content is null))
        {
            throw new ArgumentException("A HOCON configuration source needs exactly one of Path and Content.", nameof(source));
        }

        _source = source;
    }

    /// <summary>Reads and resolves the HOCON, replacing all keys.</summary>
    /// <exception cref="HoconException">The HOCON is invalid or cannot be resolved.</exception>
    /// <exception cref="FileNotFoundException">The file is missing and the source is not optional.</exception>
    public override void Load()
    {
        Data = Read(out HashSet<string> files);
        if (_source.ReloadOnChange && _source.Path is not null)
        {
            Watch(files);
        }
    }

    /// <summary>Stops watching files for changes.</summary>
    public void Dispose()
    {
        lock (_watchLock)
        {
            _disposed = true;
            foreach (FileSystemWatcher watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _reloadTimer?.Dispose();
            _reloadTimer = null;
        }
    }

    private Dictionary<string, string?> Read(out HashSet<string> files)
    {
        HoconLoadContext context = HoconLoadContext.ForProcess();
        files = new HashSet<string>(StringComparer.Ordinal);
        if (_source.Content is { } content)
        {
            return HoconFlattener.Flatten(HoconDocument.Parse(content, null, context), _source.RootPath);
        }

        string path = System.IO.Path.GetFullPath(_source.Path!);

        // The main file is watched even when missing, so creating an optional file later is noticed.
        files.Add(path);
        if (!File.Exists(path))
        {
            return _source.Optional
                ? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
                : throw new FileNotFoundException($"The HOCON configuration file '{path}' was not found and is not optional.", path);
        }

        HoconDocument document = HoconDocument.Load(path, context);
        files.UnionWith(document.Files);
        return HoconFlattener.Flatten(document, _source.RootPath);
    }

    private void Watch(HashSet<string> files)
    {
        lock (_watchLock)
        {
            if (_disposed)
            {
                return;
            }

            _watchedFiles = files;
            foreach (string directory in files.Select(System.IO.Path.GetDirectoryName).OfType<string>().Distinct())
            {
                if (_watchers.ContainsKey(directory) || !Directory.Exists(directory))
                {
                    continue;
                }

                var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                watcher.Changed += OnFileEvent;
                watcher.Created += OnFileEvent;
                watcher.Deleted += OnFileEvent;
                watcher.Renamed += OnFileEvent;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(directory, watcher);
            }
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        lock (_watchLock)
        {
            bool relevant = _watchedFiles.Contains(e.FullPath)
                || (e is RenamedEventArgs renamed && _watchedFiles.Contains(renamed.OldFullPath));
            if (_disposed || !relevant)
            {
                return;
            }

            // Restarting one timer on every event turns a burst of writes into a single reload.
            _reloadTimer ??= _source.TimeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _reloadTimer.Change(_source.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Reload()
    {
        try
        {
            Data = Read(out HashSet<string> files);
            Watch(files);
        }
        catch (Exception e) when (e is HoconException or IOException or UnauthorizedAccessException)
        {
            // This runs on a timer thread where throwing would end the process; the last good keys stay.
            _source.OnReloadError?.Invoke(e);
            return;
        }

        OnReload();
    }
}
