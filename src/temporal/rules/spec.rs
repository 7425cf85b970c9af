//! The rule families as written: the YAML of each family file, what a rule builds and
//! checks, and the compiled rules indexed by what their first token can be.

use serde::Deserialize;
use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::hash::WordMap;
use crate::temporal::pattern::{DayPart, Deixis, Modifier, Part, RefKind, Unit};

/// The rule families shipped with dateline, in precedence order.
pub const FAMILY_FILES: &[(&str, &str)] = &[
    ("calendar.yaml", include_str!("calendar.yaml")),
    ("relative.yaml", include_str!("relative.yaml")),
    ("span.yaml", include_str!("span.yaml")),
    ("time.yaml", include_str!("time.yaml")),
    // Before durations: at equal length "a year" after a quantity is a rate.
    ("set.yaml", include_str!("set.yaml")),
    ("duration.yaml", include_str!("duration.yaml")),
    ("reference.yaml", include_str!("reference.yaml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyFile {
    pub family: String,
    #[serde(default)]
    pub description: String,
    pub rules: Vec<RuleSpec>,
    #[serde(default)]
    pub examples: Vec<RuleExample>,
}

/// One example of a family's corpus: a sentence, its publication date, and every
/// expression the tagger must find in it as `[text, TYPE, value]`; for rules whose
/// match TimeML tags apart, also the TIMEX3 it tags.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    pub text: String,
    pub published: chrono::NaiveDate,
    pub expect: Vec<(String, String, String)>,
    /// The TIMEX3 that TimeML tags, where they are not `expect` (see [`TaggedApart`]).
    #[serde(default)]
    pub timeml: Option<Vec<(String, String, String)>>,
    /// How the example is read (`--anchor`); auto, as by default.
    #[serde(default)]
    pub anchor: crate::temporal::anchoring::Anchoring,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub name: String,
    pub pattern: String,
    pub build: Builder,
    #[serde(default)]
    pub args: Args,
    #[serde(default)]
    pub guards: Vec<Guard>,
    /// TimeML tags what the rule matches as two TIMEX3, not one.
    #[serde(default)]
    pub tagged: Option<TaggedApart>,
}

/// How TimeML, and TimeBank's annotators, tag apart what one rule matched. The whole
/// stays one expression for events; only the TimeML view has the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaggedApart {
    /// Each end of a range: "from Monday to Wednesday", "April 24 and 25".
    Ends,
    /// A clock time and the day that words keep it from: "4 a.m. local time on
    /// Wednesday", "10:35 a.m. (0735 GMT) Friday". "9 a.m. EST Tuesday" and "5 p.m.
    /// EST, Nov. 6" stay one.
    ClockAndDay,
}

/// What a rule makes of what it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Builder {
    /// Calendar parts: day, month, year, decade, as far as they are given.
    Date,
    Weekday,
    RelativeDay,
    /// "last week", "this month", "next year", "last quarter".
    RelativeUnit,
    /// "earlier this week", "later this month".
    PartOfUnit,
    Weekend,
    /// "two days ago".
    Ago,
    /// "in two days", "three weeks from now": forward from the anchor, as `ago` is
    /// back from it.
    FromNow,
    /// "a year earlier", "year-earlier", "the year-ago quarter": back from the last
    /// date the text gave, at its precision.
    BeforeNamedDate,
    /// "a week later", "two days later": on from the last date the text gave, not
    /// from the anchor.
    AfterNamedDate,
    /// "that year", "the following month", "earlier that day" (see `Pattern::Focus`).
    Focus,
    Quarter,
    Half,
    /// "the 20th century", "the eleventh century".
    Century,
    Season,
    /// "two days", "18 months", "the past two weeks" (with `past: true`).
    Duration,
    /// "now", "recently", "in the future".
    Reference,
    /// "daily", "every Monday", "each year".
    Set,
    /// "Wednesday night", "10:35 a.m.", "this morning".
    Time,
    /// "three days after Easter", "a week before Eid" (with `past: true`): days from
    /// the holiday.
    HolidayOffset,
    /// "2-3 April", "between 2 and 3 April", "from Monday to Wednesday".
    Span,
    /// "10/31/1974", "31.10.1974", "3/3/15": which number is the month follows the
    /// lexicon's `numeric_dates` order unless one of them is over 12.
    NumericDate,
    /// "the 15th", "the 20th of next month", "Tuesday the 19th".
    DayOfMonth,
    /// "the first Tuesday of October", "the last day of May", "the third day of
    /// next month".
    NthOfMonth,
    /// "Wednesday of next week", "last week's Sunday".
    WeekdayOfWeek,
    /// "the next three days": a length of time ahead of the anchor.
    Ahead,
    /// "the first week of October", "the second last week of 2018": weeks that lie
    /// wholly in the month or year, counted from its start or (`from_end`) its end.
    NthWeek,
    /// "the week of March 6": the week that day falls in.
    WeekOf,
    /// "3 fridays from now", "2 thursdays ago" (with `past`).
    NthWeekday,
}

/// Fixed values a rule adds to what it captured.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub relation: Option<Deixis>,
    pub unit: Option<Unit>,
    pub part: Option<Part>,
    pub reference: Option<RefKind>,
    pub modifier: Option<Modifier>,
    pub days: Option<i64>,
    pub count: Option<i64>,
    pub daypart: Option<DayPart>,
    #[serde(default)]
    pub past: bool,
    /// The phrase itself points forward ("upcoming", "as early as").
    #[serde(default)]
    pub forward: bool,
    /// An ordinal the words give ("the final quarter" is the fourth; "the last
    /// Monday" is the first from the end, with `from_end`).
    pub ordinal: Option<u32>,
    /// Count the ordinal from the end ("the second last day of May").
    #[serde(default)]
    pub from_end: bool,
    /// A `focus` rule that reads from the publication date when the text has given
    /// no date yet ("the following week").
    #[serde(default)]
    pub deictic: bool,
}

/// Context checks a rule needs beyond its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Guard {
    /// The token before the match is a date preposition ("in November", "by 2027").
    AfterPreposition,
    /// A capitalised month between a determiner and a noun names a month: "the
    /// October slaying", "a June agreement"; not "the March of Dimes" or "the march
    /// went on".
    Attributive,
    /// The last word is a season that is nothing else, in lower case: "over the
    /// summer", not "the fall of Rome" or "the Summer Palace".
    PlainSeason,
    /// Not the first word of a name: a capitalised last word is not followed by
    /// another ("in the Summer Palace").
    NotName,
    /// A quantity comes just before: a number, an amount word, "%", "twice" or a
    /// plural noun ("$2 million a year", "700 seats a week"), making "a year" a rate.
    AfterQuantity,
    /// A lone number is a year only when it stands apart from money, percentages,
    /// hyphenated scores and words around it ("2014" but not "$2014", "2014-15").
    StandaloneNumber,
    /// An ambiguous month name ("May") followed by a lowercase word is not a date
    /// ("May 5 people").
    MonthNotModal,
    /// Not followed by a noun: "two days" but not in "a two-day visit" the rule
    /// must see the hyphenated adjective.
    NotBeforeNoun,
    /// The unit is written in the singular ("last week", not "last weeks").
    SingularUnit,
    /// The unit is written in the plural ("for weeks", "recent years").
    PluralUnit,
    /// Nothing but punctuation or a conjunction follows: "on the 15th," but not "the
    /// 15th century" or "the first time".
    NotBeforeWord,
    /// Not hours after "early", "late" and the like: "the early hours of the war" is
    /// a part of a day, no length of time ("the early years" may be one).
    NotPartOfDay,
    /// Not after "of" or "among": "one of the first" ranks, it dates nothing.
    NotAfterOf,
    /// Not "the fall of" something that is no year ("the fall of Budapest", "the fall
    /// of the regime"): a season that is also a noun of its own.
    NotAFall,
    /// The unit is no quarter: "the last quarter" is the quarter last reported.
    NotQuarter,
    /// Not a share: "three quarters of the troops", "a quarter of its dealers" (but
    /// "several quarters of losses" is a length).
    NotAShare,
    /// After a word that closes a day's account ("ended the day", "for the day":
    /// `day_closing_words`): the day the story is about.
    AfterDayClosing,
    /// Not compared: "the most recent in 2010" ranks, it refers to no time.
    NotCompared,
    /// Not after a superlative: in "most recently in January" the date that follows
    /// is the time ("more recently" is one, as TimeBank tags it).
    NotSuperlative,
    /// A noun, not an adjective before one: "the future of Gaza", "the future is
    /// uncertain", "into the future if"; not "the future government".
    Nominal,
    /// A word measuring a gap follows ("hours later", "weeks of warnings"), or a verb
    /// taking a length comes before ("could take months").
    MeasuresTime,
    /// Not after an indefinite article: "it fell on a Tuesday" names no Tuesday.
    NotIndefinite,
    /// Not the start of an event's name: "the Good Friday Agreement", "the Yom Kippur
    /// War" date nothing by the holiday.
    NotNamedEvent,
    /// Not the last word of a holiday's name: the "Friday" of "Good Friday".
    NotInHoliday,
    /// No ranking word heads the phrase it ends: "the first time in three months" and
    /// "the biggest attack in a year" measure a stretch of time, they name no date
    /// ahead; "the first round will be held in two weeks" does (a verb comes between).
    NotAfterRanking,
    /// No perfect tense that spans up to now heads the phrase: "closer than we have
    /// been in three years", "they have not met in five years" measure a stretch.
    /// Only with "been" or a negation: "has promised elections in two years" names a
    /// date ahead.
    NotAfterPerfect,
    /// What follows ends the phrase: punctuation, a conjunction or a preposition
    /// ("Tuesday the 19th in Doha"), not a noun ("Saturday, the sixth such exchange").
    EndsPhrase,
    /// The unit is a day or longer: "a week later" is a date, "an hour later" is
    /// left to the duration rules.
    CalendarUnit,
    /// A word other than a verb like "is" or "was" follows: the adjective "current" in "the current
    /// talks", not the noun in "the current was strong".
    BeforeWord,
    /// Two numbers around a slash are not a fraction ("1/2", "3/4") or an idiom the
    /// lexicon lists ("24/7").
    NotFraction,
    /// No era before the common one follows: "the 2nd century BC" is not the 2nd
    /// century, nor "2014 B.C." the year 2014.
    NotBeforeEra,
    /// A number after a year is a month only when written as one ("2014-05",
    /// "2014-10,"), not a second year ("the 2010-11 season").
    IsoMonth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(in crate::temporal) enum Class {
    Month,
    Day,
    Year,
    Weekday,
    Deixis,
    Count,
    Unit,
    Ordinal,
    Season,
    DayPart,
    Clock,
    Modifier,
    RelativeDay,
    Decade,
    Holiday,
    Zone,
    MonthNumber,
    Number,
    AnyYear,
    NthDay,
    YearQuarter,
    /// "Q3", "3Q": a quarter's number.
    QuarterCode,
    /// "H1", "2H": a half year's number.
    HalfCode,
    /// "FY2026", "FY26": a fiscal year.
    FiscalCode,
    /// A weekday in the plural: "fridays" in "3 fridays from now".
    Weekdays,
    /// A year before the common era, number and era: "499 BC", "146 B.C.".
    EraYear,
    /// The first year of a range or pair whose era is given once, after the second
    /// year: "499" in "499-493 BC", "from 499 to 493 BC", "496 and 495 BC".
    EraYearStart,
    /// The era itself: "BC" in "the 9th century BC".
    Era,
}

impl Class {
    pub(in crate::temporal) fn bit(self) -> u32 {
        1 << (self as u32)
    }

    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "month" => Class::Month,
            "day" => Class::Day,
            "year" => Class::Year,
            "weekday" => Class::Weekday,
            "relation" => Class::Deixis,
            "count" => Class::Count,
            "unit" => Class::Unit,
            "ordinal" => Class::Ordinal,
            "season" => Class::Season,
            "daypart" => Class::DayPart,
            "clock" => Class::Clock,
            "modifier" => Class::Modifier,
            "relative_day" => Class::RelativeDay,
            "decade" => Class::Decade,
            "holiday" => Class::Holiday,
            "zone" => Class::Zone,
            "month_number" => Class::MonthNumber,
            "number" => Class::Number,
            "any_year" => Class::AnyYear,
            "nth_day" => Class::NthDay,
            "year_quarter" => Class::YearQuarter,
            "quarter_code" => Class::QuarterCode,
            "half_code" => Class::HalfCode,
            "fiscal_code" => Class::FiscalCode,
            "weekdays" => Class::Weekdays,
            "era_year" => Class::EraYear,
            "era_year_start" => Class::EraYearStart,
            "era" => Class::Era,
            _ => return None,
        })
    }
}

/// What one element accepts: any of its words, or a token of its class.
#[derive(Debug, Clone, Default)]
pub(super) struct Matcher {
    pub(super) words: Vec<String>,
    pub(super) class: Option<Class>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Take {
    /// The element consumes its tokens.
    Consume,
    /// The element must follow, but is not part of the expression.
    Ahead,
    /// The element must not follow.
    NotAhead,
}

#[derive(Debug, Clone)]
pub(super) struct Element {
    pub(super) matcher: Matcher,
    pub(super) optional: bool,
    pub(super) take: Take,
}

impl Element {
    /// Could this element match a token with this word and these classes? Only the
    /// classes a word list decides are checked; for the others, it could.
    pub(super) fn may_start(&self, word: Option<&str>, classes: u32) -> bool {
        if word.is_some_and(|w| self.matcher.words.iter().any(|x| x == w)) {
            return true;
        }
        match self.matcher.class {
            None => false,
            Some(
                class @ (Class::Month
                | Class::Unit
                | Class::Ordinal
                | Class::Season
                | Class::DayPart
                | Class::Modifier
                | Class::RelativeDay
                | Class::Deixis),
            ) => classes & class.bit() != 0,
            Some(_) => true,
        }
    }
}

#[derive(Debug)]
pub struct Rule {
    pub name: String,
    pub family: String,
    pub(super) elements: Vec<Element>,
    pub(super) build: Builder,
    pub(super) args: Args,
    pub(super) guards: Vec<Guard>,
    pub tagged: Option<TaggedApart>,
}

/// Every rule, indexed by what its first token can be.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub families: Vec<FamilyFile>,
    pub(super) by_word: WordMap<Vec<usize>>,
    pub(super) by_class: BTreeMap<Class, Vec<usize>>,
}

impl RuleSet {
    pub fn builtin() -> Result<RuleSet> {
        let mut set = RuleSet::default();
        for (name, text) in FAMILY_FILES {
            let family: FamilyFile = serde_yaml::from_str(text).map_err(|e| Error::Lexicon {
                name: format!("temporal/rules/{name}"),
                reason: e.to_string(),
            })?;
            set.add_family(name, family)?;
        }
        Ok(set)
    }

    fn add_family(&mut self, file: &str, mut family: FamilyFile) -> Result<()> {
        for spec in family.rules.drain(..) {
            let bad = |reason: String| Error::Lexicon {
                name: format!("temporal/rules/{file}"),
                reason: format!("rule {}: {reason}", spec.name),
            };
            let mut elements = Vec::new();
            for raw in spec.pattern.split_whitespace() {
                let (raw, take) = match (raw.strip_prefix('>'), raw.strip_prefix('!')) {
                    (Some(rest), _) if !rest.is_empty() => (rest, Take::Ahead),
                    (_, Some(rest)) if !rest.is_empty() => (rest, Take::NotAhead),
                    _ => (raw, Take::Consume),
                };
                if take != Take::Consume && elements.is_empty() {
                    return Err(bad("a pattern cannot start with a look-ahead".into()));
                }
                let (body, optional) = match raw.strip_suffix('?') {
                    Some(body) if !body.is_empty() => (body, true),
                    _ => (raw, false),
                };
                let mut matcher = Matcher::default();
                for alternative in body.split('|') {
                    match alternative
                        .strip_prefix('<')
                        .and_then(|b| b.strip_suffix('>'))
                    {
                        Some(name) if matcher.class.is_none() => {
                            matcher.class = Some(
                                Class::parse(name)
                                    .ok_or_else(|| bad(format!("unknown class <{name}>")))?,
                            );
                        }
                        Some(_) => return Err(bad(format!("`{body}` names two classes"))),
                        None => matcher.words.push(crate::text::fold(alternative)),
                    }
                }
                elements.push(Element {
                    matcher,
                    optional,
                    take,
                });
            }
            if elements.iter().all(|e| e.optional) {
                return Err(bad(
                    "the pattern needs one element that is not optional".into()
                ));
            }
            let index = self.rules.len();
            // Index the rule under every element that can come first.
            for element in &elements {
                for w in &element.matcher.words {
                    self.by_word.entry(w.clone()).or_default().push(index);
                }
                if let Some(class) = element.matcher.class {
                    self.by_class.entry(class).or_default().push(index);
                }
                if !element.optional {
                    break;
                }
            }
            self.rules.push(Rule {
                name: spec.name,
                family: family.family.clone(),
                elements,
                build: spec.build,
                args: spec.args,
                guards: spec.guards,
                tagged: spec.tagged,
            });
        }
        self.families.push(family);
        Ok(())
    }
}
