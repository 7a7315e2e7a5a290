using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config;

/// <summary>Describes a HOCON file or string to add to a configuration builder.</summary>
/// <remarks>Set either <see cref="Path"/> or <see cref="Content"/>; usually through <see cref="HoconConfigurationExtensions"/>.</remarks>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Gets or sets the HOCON file; a relative path is relative to the current directory.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets HOCON text to use instead of a file; its includes are relative to the current directory.</summary>
    public string? Content { get; set; }

    /// <summary>Gets or sets whether a missing <see cref="Path"/> yields no keys instead of an error.</summary>
    public bool Optional { get; set; }

    /// <summary>Gets or sets whether the keys reload when the file, or a file it includes, changes.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>Gets or sets how long to wait after a change before reloading, so an editor's several writes cause one reload.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets a HOCON path (such as <c>akkarpc</c>) whose subtree becomes the configuration root, or <see langword="null"/> for the whole document.</summary>
    public string? RootPath { get; set; }

    /// <summary>Gets or sets the callback told about a reload that failed; the keys from the last good load stay in effect either way.</summary>
    public Action<Exception>? OnReloadError { get; set; }

    /// <summary>Gets or sets the clock for the reload delay.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
