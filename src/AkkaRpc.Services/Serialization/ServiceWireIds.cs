namespace AkkaRpc.Services.Serialization;

/// <summary>
/// The manifests of the services' own messages under serializer <see cref="ServiceMessageSerializer.Id"/> (7304). A
/// service's calls and results go under its interface's own serializer id, with the method's position as manifest
/// (calls 1, 2, ...; results 1001, 1002, ...).
/// </summary>
/// <remarks>An id never changes meaning once shipped, and a retired id is never reused.</remarks>
public static class ServiceWireIds
{
    /// <summary><see cref="Services.ResolveService"/>.</summary>
    public const int ResolveService = 1;

    /// <summary><see cref="Services.OpenSession"/>.</summary>
    public const int OpenSession = 2;

    /// <summary><see cref="Services.CloseSession"/>.</summary>
    public const int CloseSession = 3;

    /// <summary><see cref="Services.CancelCall"/>.</summary>
    public const int CancelCall = 4;

    /// <summary><see cref="Services.ServiceResolved"/>.</summary>
    public const int ServiceResolved = 20;

    /// <summary><see cref="Services.ServiceNotFound"/>.</summary>
    public const int ServiceNotFound = 21;

    /// <summary><see cref="Services.ServiceDone"/>.</summary>
    public const int ServiceDone = 22;

    /// <summary><see cref="Services.ServiceFailed"/>.</summary>
    public const int ServiceFailed = 23;

    /// <summary><see cref="Services.ServiceBusy"/>.</summary>
    public const int ServiceBusy = 24;

    /// <summary><see cref="Services.ServiceNotRun"/>.</summary>
    public const int ServiceNotRun = 25;

    /// <summary><see cref="Services.ServiceCallExpired"/>.</summary>
    public const int ServiceCallExpired = 26;

    /// <summary><see cref="Services.ServiceRefused"/>.</summary>
    public const int ServiceRefused = 27;

    /// <summary><see cref="Services.SessionOpened"/>.</summary>
    public const int SessionOpened = 28;

    /// <summary><see cref="Services.SessionClosed"/>.</summary>
    public const int SessionClosed = 29;

    /// <summary><see cref="Services.SessionNotFound"/>.</summary>
    public const int SessionNotFound = 30;

    /// <summary>The first result manifest of a generated serializer: the result of method n is 1000 + n.</summary>
    public const int FirstResult = 1000;
}
