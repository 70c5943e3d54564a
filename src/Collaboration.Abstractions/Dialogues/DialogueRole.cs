namespace Collaboration.Dialogues;

/// <summary>What a person is in a dialogue. A person may hold several roles in one dialogue.</summary>
public enum DialogueRole
{
    /// <summary>Runs the dialogue: keeps the directory, schedules meetings, invites.</summary>
    Secretariat,

    /// <summary>A partner state's national focal point: speaks for the state's priorities and requests.</summary>
    FocalPoint,

    /// <summary>A partner state's delegate or expert.</summary>
    Delegate,

    /// <summary>A staff member of a partner agency.</summary>
    Agency,

    /// <summary>A representative of an observer organisation.</summary>
    Observer,

    /// <summary>An official of a city in the City-to-City dimension.</summary>
    CityOfficial,

    /// <summary>
    /// Translates for the secretariat: reads a meeting's notes and outcomes beside the original and writes them
    /// in another working language, entry by entry. Takes no notes and adopts nothing.
    /// </summary>
    Translator,
}
