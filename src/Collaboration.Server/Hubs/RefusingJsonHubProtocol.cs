using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Hubs;

/// <summary>
/// SignalR's JSON protocol, except that a call whose arguments do not fit the method (a wrong type, a wrong
/// number) or that names no method is refused with <c>VALIDATION: …</c>, like every other refusal of the hub.
/// <para>
/// SignalR binds arguments while the protocol parses the message, before the hub, its filters or
/// <c>IHubFilter</c> see the call, and answers a failure with its own "Failed to invoke 'X' due to an error
/// on the server." (the reason only with <c>EnableDetailedErrors</c>, which would show every exception's
/// details too). It does add the reason when that is a <see cref="HubException"/>, so this protocol puts a
/// HubException with the code and a reason a person can act on in place of the parser's. The reason names
/// the method and the types it takes, never the values sent (they may be note text).
/// </para>
/// </summary>
public sealed class RefusingJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_json.TryParseMessage(ref input, binder, out message))
            return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationBindingFailureMessage(
                failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(new HubException(Refusal(failure, binder))));
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    private static string Refusal(InvocationBindingFailureMessage failure, IInvocationBinder binder)
    {
        IReadOnlyList<Type> parameters;
        try
        {
            parameters = binder.GetParameterTypes(failure.Target);
        }
        catch (HubException)
        {
            return $"VALIDATION: The hub has no method '{failure.Target}'.";
        }
        var takes = parameters.Count == 0 ? "takes no arguments" : $"takes {parameters.Count}: {string.Join(", ", parameters.Select(Describe))}";
        var what = failure.BindingFailure.SourceException.Message.StartsWith("Invocation provides", StringComparison.Ordinal)
            ? "another number of arguments was sent"
            : "an argument is not of its type";
        return $"VALIDATION: '{failure.Target}' {takes}; {what}.";
    }

    private static string Describe(Type type) =>
        type == typeof(string) ? "text"
        : type == typeof(long) || type == typeof(int) ? "a whole number"
        : type == typeof(Guid) ? "a GUID"
        : type == typeof(bool) ? "true or false"
        : type.Name;
}
