namespace Collaboration;

/// <summary>
/// Collects every bad field of an input instead of stopping at the first, so a form shows them all at once.
/// Each check is one of <see cref="Validate"/>'s (or a grain's own) that throws VALIDATION; a refusal of
/// another kind (NOT_FOUND, FORBIDDEN, CONFLICT…) still stops at once. <see cref="ThrowIfAny"/> refuses once
/// with every problem, before anything is written.
/// </summary>
public sealed class Problems
{
    private readonly List<FieldProblem> _found = [];

    /// <summary>Whether any field was refused so far.</summary>
    public bool Any => _found.Count > 0;

    /// <summary>Whether this field was refused already (later checks that need its value skip it).</summary>
    public bool Has(string field) => _found.Exists(p => p.Field == field);

    /// <summary>Runs a check that answers the valid value; a refused value is recorded and <c>default</c> answered.</summary>
    public T? Check<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (CollaborationException e) when (e.Code == Errors.ErrorCode.Validation && e.FieldProblems.Count > 0)
        {
            _found.AddRange(e.FieldProblems);
            return default;
        }
    }

    /// <summary>Runs a check that looks something up; a refused value is recorded and <c>default</c> answered.</summary>
    public async Task<T?> CheckAsync<T>(Func<Task<T>> check)
    {
        try
        {
            return await check();
        }
        catch (CollaborationException e) when (e.Code == Errors.ErrorCode.Validation && e.FieldProblems.Count > 0)
        {
            _found.AddRange(e.FieldProblems);
            return default;
        }
    }

    /// <summary>Runs a check that answers nothing; a refusal is recorded.</summary>
    public void Check(Action check) => Check(() =>
    {
        check();
        return true;
    });

    /// <summary>Records a problem found without a check.</summary>
    public void Add(string field, string message, string? reason = null, params (string Name, object Value)[] values) =>
        _found.Add(new FieldProblem(field, reason, message, values.Length == 0 ? null
            : values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));

    /// <summary>Refuses with every problem found, when there is one.</summary>
    public void ThrowIfAny()
    {
        if (_found.Count > 0)
            throw CollaborationException.Validation([.. _found]);
    }
}
