using System.Net;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Extensions;

/// <summary>
/// Every settings section is bound by name and checked when the host starts: a wrong setting stops the server
/// before it serves anything, with a message that names the setting (<c>Section:Key</c>) and says what it must be.
/// </summary>
public static class Settings
{
    /// <summary>Binds a section to <typeparamref name="T"/>, checks its data annotations at start, and answers the builder for more rules.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// A section the host needs while it is being built (the silo, the integrations): bound now for that use,
    /// and registered like every other so the same rules check it at start.
    /// </summary>
    public static T ReadSettings<T>(this WebApplicationBuilder builder, string section, Action<OptionsBuilder<T>>? rules = null) where T : class, new()
    {
        var options = builder.Services.AddSettings<T>(section);
        rules?.Invoke(options);
        try
        {
            return builder.Configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type ("Mongo" for Storage:Provider): the same binding fails again when the
            // host starts, which stops it with the binder's message naming the setting, before the defaults
            // answered here are used for anything.
            return new T();
        }
    }

    /// <summary>A rule: the named setting holds an absolute address with one of the schemes.</summary>
    public static OptionsBuilder<T> ValidateUrl<T>(this OptionsBuilder<T> options, Func<T, string?> value, string setting, string why, params string[] schemes) where T : class =>
        options.Validate(
            o => Uri.TryCreate(value(o), UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme),
            $"{setting} must be an absolute {string.Join(" or ", schemes)} address: {why}");

    /// <summary>A rule: the named setting is a time span longer than zero.</summary>
    public static OptionsBuilder<T> ValidatePositive<T>(this OptionsBuilder<T> options, Func<T, TimeSpan> value, string setting, string what) where T : class =>
        options.Validate(o => value(o) > TimeSpan.Zero, $"{setting} must be longer than zero ({what}), written like 00:01:00.");

    /// <summary>A rule: the named setting is a TCP port.</summary>
    public static OptionsBuilder<T> ValidatePort<T>(this OptionsBuilder<T> options, Func<T, int> value, string setting) where T : class =>
        options.Validate(o => value(o) is >= 1 and <= 65535, $"{setting} must be a TCP port from 1 to 65535.");

    /// <summary>A rule: the named setting is one of the enum's names (a number that names none binds without complaint).</summary>
    public static OptionsBuilder<T> ValidateDefined<T, TEnum>(this OptionsBuilder<T> options, Func<T, TEnum> value, string setting) where T : class where TEnum : struct, Enum =>
        options.Validate(o => Enum.IsDefined(value(o)), $"{setting} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    /// <summary>A rule: the named setting is not empty.</summary>
    public static OptionsBuilder<T> ValidateRequired<T>(this OptionsBuilder<T> options, Func<T, string?> value, string setting, string what) where T : class =>
        options.Validate(o => !string.IsNullOrWhiteSpace(value(o)), $"{setting} must not be empty: {what}.");

    /// <summary>A rule: the named setting is an IP address.</summary>
    public static OptionsBuilder<T> ValidateIPAddress<T>(this OptionsBuilder<T> options, Func<T, string?> value, string setting) where T : class =>
        options.Validate(o => IPAddress.TryParse(value(o), out _), $"{setting} must be an IP address, such as 127.0.0.1.");
}
