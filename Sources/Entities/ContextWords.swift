/// Closed word classes of English that the extractor reads as context: grammar and the vocabulary
/// of titles and institutions, not names. Names themselves come from the generated gazetteers.
/// All entries are lower case without a trailing period.
enum ContextWords {
    /// Abbreviations that stand before a name and so never end a sentence.
    static let titleAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "maj", "sgt", "adm", "cmdr", "gov", "sen",
        "rep", "rev", "st", "messrs", "mt", "ft", "pres", "supt", "cpl", "pvt", "brig", "lieut", "hon", "atty", "gens",
        "sens", "reps", "fr", "insp", "det",
    ]

    /// Abbreviations that may also close a sentence ("... of Acme Inc. The company ...").
    static let otherAbbreviations: Set<String> = [
        "inc", "corp", "co", "ltd", "plc", "bros", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "vs", "etc", "approx", "dept", "est", "fig", "ave", "blvd", "rd", "univ", "assn",
        "intl", "govt", "mln", "bln", "pct", "cts", "dlrs", "shr", "avg", "yr", "qtr", "nos", "ref",
    ]

    /// Words that open sentences and are never names by themselves.
    static let functionWords: Set<String> = [
        "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "your", "this", "that", "these", "those", "there", "here", "but", "and", "or", "nor", "if", "when", "while",
        "after", "before", "as", "at", "in", "on", "for", "with", "by", "from", "to", "of", "not", "no", "yes", "so",
        "then", "also", "however", "meanwhile", "although", "though", "because", "since", "until", "despite",
        "during", "what", "who", "whom", "whose", "which", "where", "why", "how", "all", "some", "many", "most",
        "more", "any", "each", "every", "both", "either", "neither", "such", "other", "another", "about", "over",
        "under", "into", "onto", "upon", "than", "whether", "once", "now", "yet", "still", "even", "just", "only",
        "among", "against", "between", "without", "within", "through", "across", "around", "near", "per", "via",
        "instead", "thus", "therefore", "moreover", "furthermore", "nevertheless", "nonetheless", "indeed", "perhaps",
        "according", "following", "including", "unlike", "like", "whereas", "unless", "him", "them", "us", "me",
        "be", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "let", "please", "mr", "mrs", "ms", "sir", "madam", "dear",
        "whatever", "whoever", "wherever", "whenever", "everyone", "everything", "someone", "something", "nobody",
        "nothing", "none", "few", "several", "much", "own", "same", "off", "up", "down", "out", "again", "ago",
        "oh", "ok", "okay", "hi", "hello", "thanks", "thank", "sorry", "well", "too", "very", "almost", "already",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Words that head a person's title ("Minister", "Gen.", "coach").
    static let titleHeads: Set<String> = [
        "president", "premier", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess",
        "pope", "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
        "mayor", "judge", "justice", "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant", "lt",
        "captain", "capt", "major", "maj", "sergeant", "sgt", "commander", "cmdr", "mr", "mrs", "ms", "miss", "dr",
        "doctor", "professor", "prof", "rev", "reverend", "sir", "lord", "lady", "dame", "sheikh", "emir", "sultan",
        "ayatollah", "chairman", "chairwoman", "chairperson", "director", "ambassador", "envoy", "commissioner",
        "speaker", "coach", "manager", "spokesman", "spokeswoman", "spokesperson", "attorney", "prosecutor",
        "emperor", "empress", "archbishop", "bishop", "cardinal", "father", "rabbi", "imam", "striker", "midfielder",
        "defender", "goalkeeper", "skipper", "officer", "inspector", "superintendent", "detective", "constable",
        "treasurer", "undersecretary", "marshal", "brigadier", "corporal", "ceo", "cfo", "executive", "founder",
        "chief", "presidents", "ministers", "leader", "candidate", "nominee", "batsman", "bowler", "jockey",
        "trainer", "economist", "analyst", "dealer", "trader", "strategist", "correspondent", "lawmaker",
        "legislator", "diplomat", "negotiator", "mediator", "mp", "messrs", "lawyer", "counsel", "pastor",
        "deputy", "vice-president", "secretary-general", "president-elect", "prime-minister", "premier-elect",
        "chief-executive", "co-founder", "actor", "actress", "singer", "author", "novelist", "playwright",
        "director-general", "governor-general", "crown",
    ]

    /// Words that qualify a title head ("Defense Minister", "Prime Minister", "Vice President").
    static let titleModifiers: Set<String> = [
        "defense", "defence", "foreign", "finance", "prime", "interior", "trade", "economy", "economics", "justice",
        "health", "education", "agriculture", "energy", "transport", "labour", "labor", "home", "state", "deputy",
        "vice", "acting", "former", "ex", "first", "chief", "assistant", "associate", "executive", "managing",
        "senior", "crown", "grand", "supreme", "high", "opposition", "party", "foreign-affairs", "treasury",
        "commerce", "industry", "environment", "culture", "sports", "information", "communications", "security",
        "national", "general", "attorney", "army", "navy", "lord", "mister", "then", "outgoing", "incoming",
        "interim", "caretaker", "junior", "minority", "majority", "republican", "democratic", "u.s.", "federal",
    ]

    /// The last word of an organisation's name ("Bank", "Forces", "Inc.").
    static let organizationHeads: Set<String> = [
        "inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "ag", "sa", "nv", "gmbh",
        "group", "holdings", "bank", "bancorp", "bancshares", "party", "ministry", "forces", "force", "army", "navy",
        "council", "committee", "commission", "agency", "association", "union", "university", "college", "institute",
        "department", "administration", "court", "parliament", "congress", "assembly", "organization",
        "organisation", "federation", "league", "club", "airlines", "airways", "motors", "times", "post", "news",
        "press", "journal", "exchange", "fund", "foundation", "church", "senate", "cabinet", "police", "office",
        "board", "authority", "service", "services", "industries", "systems", "technologies", "technology",
        "communications", "securities", "trust", "partners", "brigade", "front", "movement", "alliance",
        "coalition", "society", "network", "corps", "guard", "bureau", "centre", "center", "hospital", "school",
        "academy", "museum", "orchestra", "fc", "united", "rovers", "athletic", "wanderers", "sporting", "reuters",
        "radio", "television", "tv", "broadcasting", "electric", "petroleum", "pharmaceuticals", "steel", "mining",
        "resources", "capital", "investments", "financial", "insurance", "telecom", "railway", "railways", "lines",
        "magazine", "herald", "tribune", "gazette", "review", "chronicle", "bancorporation", "laboratories", "labs",
        "stores", "foods", "brands", "brothers", "bros", "energy", "oil", "gas", "chemical", "chemicals", "airline",
        "enterprises",
        "ventures", "management", "international", "worldwide", "tribunal", "directorate",
        "secretariat", "command", "unit", "division", "regiment", "battalion", "squadron", "fleet", "ministries",
        "mission", "institution", "consortium", "cartel", "syndicate", "federal", "reserve", "republicans",
        "democrats", "conservatives", "liberals", "socialists", "communists", "greens", "junta", "taliban",
        "hamas", "hezbollah", "city", "hotspur", "albion", "villa", "rangers",
        "celtic", "argyle", "orient", "dynamo", "spartak", "lokomotiv", "sc", "ac", "cf",
        "bv", "fk", "sk", "if", "afc", "cd", "ud", "rc", "sv", "vfb", "vfl", "tsv", "psv",
    ]

    /// The first word of an organisation's "X of Y" name ("Bank of Japan", "Ministry of ...").
    static let organizationPrefixes: Set<String> = [
        "ministry", "department", "bank", "university", "bureau", "office", "council", "board", "house",
        "church", "federation", "association", "league", "institute", "college", "school", "court", "chamber",
        "commission", "committee", "agency", "union", "academy", "museum", "society", "organization",
        "organisation", "government", "parliament", "party", "order", "congress", "army", "navy", "administration",
    ]

    /// Words that make a name a place ("East China Sea", "Taiwan Strait", "Mount Fuji").
    static let locationHeads: Set<String> = [
        "sea", "ocean", "strait", "straits", "gulf", "bay", "river", "lake", "mountains", "mount", "mountain",
        "island", "islands", "isle", "isles", "peninsula", "valley", "province", "prefecture", "street", "avenue",
        "square", "desert", "canal", "coast", "plain", "plains", "heights", "hills", "region", "district",
        "airport", "harbour", "harbor", "beach", "cape", "falls", "highlands", "basin", "delta", "archipelago",
        "state", "territory", "territories", "republic", "kingdom", "emirate", "oblast", "krai", "road", "lane",
        "bridge", "park", "stadium", "arena", "plaza", "mt", "fort", "port", "lakes", "glacier", "reef", "shoal",
        "shoals", "estuary", "fjord", "lagoon", "forest",
    ]

    /// Direction words that make a place of a place ("East Asia", "Northern Ireland").
    static let compassWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
        "lower", "greater", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
        "southeast", "southwest", "mid", "inner", "outer", "new",
    ]

    /// The last word of an event's name ("World War II" is matched whole; "Australian Open" here).
    static let eventHeads: Set<String> = [
        "war", "revolution", "olympics", "olympiad", "games", "cup", "championship", "championships", "open",
        "tournament", "prix", "festival", "expo", "series", "trophy", "bowl", "marathon", "rally", "tour",
        "classic", "masters", "grand", "derby", "stakes", "summit", "crisis", "uprising", "massacre", "accords",
        "treaty", "agreement", "convention", "protocol", "award", "awards", "prize", "oscars", "grammys", "day",
    ]

    /// Words between two competitors ("Birmingham v Barnsley", "Leicestershire beat Somerset").
    static let versusWords: Set<String> = [
        "v", "vs", "v.", "vs.", "versus", "beat", "beats", "defeated", "edged", "routed", "thrashed", "crushed",
        "overcame", "downed", "whipped", "hammered", "trounced", "drew", "outclassed", "eliminated",
    ]

    /// Verbs after a team's name ("Nice have been ...", "Somerset won").
    static let winningVerbs: Set<String> = ["beat", "beats", "defeated", "drew", "draw", "lost", "lose", "won", "win"]

    /// Lower-case words before a name that make it a place.
    static let locationPrepositions: Set<String> = [
        "in", "near", "from", "across", "outside", "inside", "throughout", "toward", "towards", "off", "into",
        "via",
        "around",
    ]

    /// Words after a name that make it a speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "asked", "argued", "wrote", "explained", "noted", "declared", "stated",
        "insisted", "replied", "warned", "admitted", "claimed", "suggested", "recalled", "acknowledged", "urged",
        "believes", "thinks", "thought", "felt", "feels", "smiled", "laughed", "died", "born", "himself", "herself",
    ]

    /// Lower-case connectors that may stand inside a name ("Bank of Japan", "Charles de Gaulle").
    static let nameParticles: Set<String> = [
        "de", "da", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "ten", "bin",
        "ibn", "al", "el", "dos", "das", "do", "y", "zu", "op", "ben", "abu",
    ]
}
