namespace AkkaRpc.Actors;

/// <summary>An actor's constructor or <c>PreStart</c> threw; the default supervisor stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException() : this("The actor could not be initialized.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message) : this(message, null)
    {
    }
}

/// <summary>Thrown inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException() : base("The actor was killed by a Kill message.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>An actor did not handle the <see cref="Terminated"/> of an actor it watched.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"The actor did not handle Terminated for the actor it watches, {deadActor.Path}.")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}

/// <summary>An actor name is invalid or already taken.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException() : base("Invalid actor name.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>An ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException() : base("The ask timed out.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>No actor matched a selection, or a message was sent to Nobody.</summary>
public sealed class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException() : base("No actor was found.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>A bounded mailbox was full, so the message was not enqueued; sent back to the sender as <see cref="Status.Failure"/>.</summary>
public sealed class MailboxFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailboxFullException(IActorRef recipient, int capacity)
        : base($"The mailbox of {recipient.Path} is full ({capacity} messages); the message was not delivered. Retry later or slow down.")
    {
        Recipient = recipient;
        Capacity = capacity;
    }

    /// <summary>The actor whose mailbox was full.</summary>
    public IActorRef Recipient { get; }

    /// <summary>The mailbox's capacity.</summary>
    public int Capacity { get; }
}
