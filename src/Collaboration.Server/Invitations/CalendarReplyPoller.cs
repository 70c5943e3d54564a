using Collaboration.Integrations.Email;

namespace Collaboration.Server.Invitations;

/// <summary>
/// Reads the reply mailbox every <see cref="ImapOptions.PollInterval"/> and hands each answer to its meeting,
/// where the rules are. A meeting that refuses the answer (cancelled, say) refuses it for good; a meeting that
/// cannot be reached leaves the message unread for the next round. Answers are idempotent, so a cluster's
/// silos may each poll.
/// </summary>
public sealed partial class CalendarReplyPoller(ImapReplyMailbox mailbox, ImapOptions options, IGrainFactory grains, ILogger<CalendarReplyPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                var applied = await mailbox.PollAsync(ApplyAsync, stoppingToken);
                if (applied > 0)
                    LogApplied(logger, applied);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ApplyAsync(CalendarReply reply)
    {
        try
        {
            await grains.GetGrain<IMeetingGrain>(reply.MeetingId).RespondByMailAsync(reply.AttendeeEmail, reply.Response);
        }
        catch (CollaborationException e)
        {
            LogRefused(logger, e.Code.ToString(), e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied invitation answers from {Count} message(s) in the reply mailbox")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "An invitation answer by mail was refused ({Code}: {Reason})")]
    private static partial void LogRefused(ILogger logger, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply mailbox could not be read ({Error}: {Reason}); trying again at the next poll")]
    private static partial void LogFailed(ILogger logger, string error, string reason);
}
