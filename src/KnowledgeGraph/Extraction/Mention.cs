namespace KnowledgeGraph.Extraction;

/// <summary>
/// A span of the text that names an entity, its kind and why it was given that kind
/// (<see cref="Reason"/>), and after resolution the entity it names.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Mention
{
    /// <summary>A mention whose reason is formatted only when reasons are written (<see cref="Explaining"/>).</summary>
    internal Mention(int sentenceIndex, int start, string text, EntityKind kind, ReasonText reason, int firstToken, int lastToken)
        : this(sentenceIndex, start, text, kind, reason.ToStringAndClear(), firstToken, lastToken)
    {
    }

    /// <summary>A copy of <paramref name="m"/> with another kind and reason; every other property is kept.</summary>
    private Mention(Mention m, EntityKind kind, string reason)
        : this(m.SentenceIndex, m.Start, m.Text, kind, reason, m.FirstToken, m.LastToken)
    {
        Name = m.Name;
        Role = m.Role;
        EntityId = m.EntityId;
        CountryIso = m.CountryIso;
        RoleClass = m.RoleClass;
        RoleOf = m.RoleOf;
        EventDate = m.EventDate;
        EventHead = m.EventHead;
        IsAnaphor = m.IsAnaphor;
        IsAcronymDefinition = m.IsAcronymDefinition;
        Acronym = m.Acronym;
        LexiconName = m.LexiconName;
        OtherNames = m.OtherNames;
        CoreToken = m.CoreToken;
        HasOwner = m.HasOwner;
        IsOtherOccurrence = m.IsOtherOccurrence;
        Origin = m.Origin;
        Organizer = m.Organizer;
    }

    internal Mention(int sentenceIndex, int start, string text, EntityKind kind, string reason, int firstToken, int lastToken)
    {
        SentenceIndex = sentenceIndex;
        Start = start;
        Text = text;
        Kind = kind;
        Reason = reason;
        FirstToken = firstToken;
        LastToken = lastToken;
        Name = text;
    }

    /// <summary>The index of the sentence it is in.</summary>
    public int SentenceIndex { get; }

    /// <summary>The offset of its first character in the text.</summary>
    public int Start { get; }

    /// <summary>Its length in characters.</summary>
    public int Length => Text.Length;

    /// <summary>The text of the span, as written.</summary>
    public string Text { get; }

    /// <summary>The kind it was typed as.</summary>
    public EntityKind Kind { get; }

    /// <summary>Why it was typed so, for example <c>title 'Secretary-General' before a name</c>.</summary>
    public string Reason { get; }

    /// <summary>The name it proposes for its entity ("Lena Holm" for "Secretary-General Lena Holm").</summary>
    public string Name { get; internal init; }

    /// <summary>The title or role written with it ("Secretary-General"), or null.</summary>
    public string? Role { get; internal init; }

    /// <summary>The entity it was resolved to, or null before resolution or when it was dropped.</summary>
    public EntityId? EntityId { get; internal init; }

    internal int FirstToken { get; }

    internal int LastToken { get; }

    internal string? CountryIso { get; init; }

    internal string? RoleClass { get; init; }

    /// <summary>For a person: the country or organisation named before the title ("Canadian Prime Minister …").</summary>
    internal Mention? RoleOf { get; init; }

    internal string? EventDate { get; init; }

    internal string? EventHead { get; init; }

    internal bool IsAnaphor { get; init; }

    internal bool IsAcronymDefinition { get; init; }

    internal string? Acronym { get; init; }

    internal string? LexiconName { get; init; }

    internal IReadOnlyList<string> OtherNames { get; init; } = [];

    internal int CoreToken { get; init; } = -1;

    internal bool HasOwner { get; init; }

    /// <summary>For an event: a word before it marks it as another occurrence than one named before ("the next summit").</summary>
    internal bool IsOtherOccurrence { get; init; }

    /// <summary>How the mention was found, for the steps that treat some kinds of finding differently.</summary>
    internal MentionOrigin Origin { get; init; }

    /// <summary>For an event phrase: the canonical name of the body named in it ("the Group of 20 summit", "a meeting of the Quad"), or null.</summary>
    internal string? Organizer { get; init; }

    /// <summary>The mention, resolved to an entity.</summary>
    internal Mention WithEntity(EntityId id) => new(this, Kind, Reason) { EntityId = id };

    /// <summary>
    /// The mention, resolved to an entity of another kind ("Holm", an unknown word, is the person Lena Holm). What only the
    /// old kind's finding meant is not carried over: anaphora, acronyms, the lexicon name, another occurrence, an organiser.
    /// </summary>
    internal Mention Retyped(EntityId id, EntityKind kind, string reason) => new(this, kind, reason)
    {
        EntityId = id,
        Origin = Kind.Name == "Unknown" ? MentionOrigin.Other : Origin,
        IsAnaphor = false,
        IsAcronymDefinition = false,
        Acronym = null,
        LexiconName = null,
        IsOtherOccurrence = false,
        Organizer = null,
    };

    /// <summary>
    /// The mention, before resolution, as an organisation standing for what it names ("Spain" for Spain's side in a match
    /// report): the country code and the lexicon name, which would resolve it to the country, are not carried over.
    /// </summary>
    internal Mention AsOrganization(string reason) => new(this, EntityKind.Organization, reason) { CountryIso = null, LexiconName = null };

    /// <summary>The mention with another country or organisation named before its title.</summary>
    internal Mention WithRoleOf(Mention roleOf) => new(this, Kind, Reason) { RoleOf = roleOf };

    /// <summary>The mention as <c>"text" Kind (reason)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"\"{Text}\" {Kind} ({Reason})";
}

/// <summary>How a mention was found, where later steps depend on it (its <see cref="Mention.Reason"/> says the same in words).</summary>
internal enum MentionOrigin
{
    /// <summary>Any way not listed below.</summary>
    Other,

    /// <summary>The place of the dateline that opens a report.</summary>
    Dateline,

    /// <summary>One capitalised word of no known kind.</summary>
    SingleCapitalisedWord,

    /// <summary>Two to four capitalised words taken for a person's name only because they are capitalised.</summary>
    CapitalisedName,

    /// <summary>A capitalised name ending in an event word ("Geneva Peace Conference").</summary>
    EventCueWord,

    /// <summary>A lower-case event noun with its modifiers ("the two-day summit in Oslo").</summary>
    EventNoun,

    /// <summary>An event noun owned by a possessive that refers back ("its ruling").</summary>
    OwnedEventNoun,

    /// <summary>A capital city standing for its country ("Moscow said").</summary>
    CapitalForCountry,
}
