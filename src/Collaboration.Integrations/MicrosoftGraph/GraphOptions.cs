namespace Collaboration.Integrations.MicrosoftGraph;

/// <summary>
/// Microsoft Graph settings (section <c>MicrosoftGraph</c>): app-only credentials of an Entra ID application
/// with Calendars.ReadWrite and (for free/busy) Calendars.Read, and the secretariat's mailbox whose calendar
/// holds the meetings. Off while <see cref="Mailbox"/> is unset.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "MicrosoftGraph";

    /// <summary>The secretariat's mailbox (user principal name or address): its calendar holds the meetings.</summary>
    public string? Mailbox { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where Graph answers; a national cloud or a stand-in has another address.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Where tokens come from (Entra ID's sign-in host).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>
    /// The mail domains of the tenant: only people with an address there are asked for free/busy (others are
    /// unknown to Graph anyway). Empty asks for everyone and lets Graph say whom it does not know.
    /// </summary>
    public string[] TenantDomains { get; set; } = [];

    /// <summary>Whether the event in the secretariat's calendar lists the attendees (Exchange then sends them its own meeting requests too).</summary>
    public bool AttendeesOnEvent { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Mailbox);

    /// <summary>What is missing or malformed, one sentence each; empty when the settings can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("TenantId", TenantId), ("ClientId", ClientId), ("ClientSecret", ClientSecret) })
        {
            if (string.IsNullOrWhiteSpace(value))
                problems.Add($"{Section}:{name} is not set.");
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            problems.Add($"{Section}:BaseUrl is not an absolute http(s) address.");
        if (!Uri.TryCreate(AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != "https")
            problems.Add($"{Section}:AuthorityHost is not an absolute https address.");
        return problems;
    }
}
